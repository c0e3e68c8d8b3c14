"""The Markdown renderer behind concept pages and answers: our constructs in, safe HTML out."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from medcoder.codes.glossary import get_concept
from medcoder.web.markdown import render_markdown


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
    assert "x (<code>https://example.com</code>)" in html


def test_protocol_relative_addresses_are_not_same_site_links() -> None:
    html = str(render_markdown("[a](//evil.example/x) [b](/\\evil.example) [c](#passage-1)"))
    assert 'href="//' not in html and 'href="/\\' not in html
    assert '<a href="#passage-1">c</a>' in html


def test_link_addresses_are_escaped_once_and_never_formatted() -> None:
    html = str(render_markdown("**see [the _tab_](/codes?q=a&b=_c_)**"))
    assert html == (
        '<p><strong>see <a href="/codes?q=a&amp;b=_c_">the <em>tab</em></a></strong></p>'
    )


def test_methodology_headings_start_at_one_hash() -> None:
    html = str(render_markdown("# Method\n## Steps", top_heading=1))
    assert html == "<h2>Method</h2>\n<h3>Steps</h3>"


def test_fenced_code_is_shown_as_written() -> None:
    html = str(render_markdown("```\nmedcoder estimate --years 3 **x** <b>\n```\nAfter"))
    assert html == (
        "<pre><code>medcoder estimate --years 3 **x** &lt;b&gt;</code></pre>\n<p>After</p>"
    )


def test_raw_html_is_escaped() -> None:
    html = str(render_markdown('<script>alert("x")</script> & <b>bold</b>'))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html


_OUR_TAGS = re.compile(
    r"</?(?:p|ul|ol|li|h[2-6]|strong|em|code|pre|table|thead|tbody|tr|th|td)>"
    r'|<div class="table-wrap">|</div>|<th scope="col">|<a (?:class="cite" )?href="[^"<>]*">|</a>'
)


@given(st.text(alphabet=st.sampled_from(list("<>&\"'`*_[]()|#-/:\x00 \nab1")), max_size=80))
def test_no_tag_but_our_own_survives_any_input(text: str) -> None:
    html = _OUR_TAGS.sub("", str(render_markdown(text, citations=True)))
    assert "<" not in html and ">" not in html


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
