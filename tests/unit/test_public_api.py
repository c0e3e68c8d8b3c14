import medcoder


def test_public_api_is_sorted_and_every_name_resolves() -> None:
    assert medcoder.__all__ == sorted(medcoder.__all__)
    for name in medcoder.__all__:
        assert hasattr(medcoder, name), name
