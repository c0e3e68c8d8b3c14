"""The Markdown renderer behind concept pages and answers: our constructs in, safe HTML out."""

from __future__ import annotations

from medcoder.codes.glossary import get_concept
from medcoder.web.pages.concepts import render_markdown


def test_headings_sit_below_the_page_title() -> None:
    assert str(render_markdown("### Rules")) == "<h2>Rules</h2>"


def test_lists_bold_italics_and_code_are_rendered() -> None:
    html = str(render_markdown("- **A** initial\n- *D* subsequent, `S52.521D`\n  wraps here"))
    assert html == (
        "<ul><li><strong>A</strong> initial</li>"
        "<li><em>D</em> subsequent, <code>S52.521D</code> wraps here</li></ul>"
    )


def test_numbered_lists_become_ordered_lists() -> None:
    assert str(render_markdown("1. Index\n2. Tabular")) == "<ol><li>Index</li><li>Tabular</li></ol>"


def test_internal_links_are_kept_and_external_links_are_not() -> None:
    html = str(render_markdown("[E11.9](/codes/E11.9) and [x](https://example.com)"))
    assert '<a href="/codes/E11.9">E11.9</a>' in html
    assert 'href="https' not in html
    assert "[x](https://example.com)" in html


def test_raw_html_is_escaped() -> None:
    html = str(render_markdown('<script>alert("x")</script> & <b>bold</b>'))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html


def test_code_spans_are_not_formatted_inside() -> None:
    assert str(render_markdown("`**not bold**`")) == "<p><code>**not bold**</code></p>"


def test_citations_link_to_their_passages_only_when_asked() -> None:
    assert 'href="#passage-2"' in str(render_markdown("Both apply. [2]", citations=True))
    assert "#passage" not in str(render_markdown("Both apply. [2]"))


def test_tables_render_with_a_header_row() -> None:
    html = str(render_markdown("| MDM | New |\n|---|---|\n| Low | 99203 |"))
    assert '<th scope="col">MDM</th>' in html
    assert "<tr><td>Low</td><td>99203</td></tr>" in html
    assert "---" not in html


def test_a_real_concept_body_renders_every_heading_and_link() -> None:
    concept = get_concept("placeholder-x")
    html = str(render_markdown(concept.body))
    assert html.count("<h2>") == concept.body.count("\n### ") + concept.body.startswith("### ")
    assert '<a href="/concepts/seventh-character">7th character</a>' in html
    assert "**" not in html
