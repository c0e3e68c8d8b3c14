import medcoder


def test_public_api_is_sorted_and_every_name_resolves() -> None:
    assert medcoder.__all__ == sorted(medcoder.__all__)
    for name in medcoder.__all__:
        assert hasattr(medcoder, name), name


def test_every_public_name_is_exported_lazily_from_one_module() -> None:
    assert set(medcoder.__all__) == {*medcoder._EXPORTS, "__version__"}
