"""What the XLIFF reader (:mod:`.xliff`) and the pre-translation (:mod:`.xliff_fill`) share: the
namespaces and versions, the states, and the text of an element with its inline markup."""

from __future__ import annotations

from lxml import etree

from ..errors import ParseError

_NS1 = ("urn:oasis:names:tc:xliff:document:1.2", "urn:oasis:names:tc:xliff:document:1.1",
        "urn:oasis:names:tc:xliff:document:1.0")
_NS2 = "urn:oasis:names:tc:xliff:document:2.0"  # 2.1 and 2.2 keep the 2.0 core namespace

_UNTRANSLATED_1 = frozenset({"new", "needs-translation"})
_FUZZY_1 = frozenset({"needs-review-translation", "needs-review-l10n", "needs-review-adaptation",
                      "needs-adaptation", "needs-l10n"})
# XLIFF 1.2 section 2.4 (inline elements): g and mrk hold translatable text; bpt, ept, it, ph and sub
# hold native code (or code with sub-flows); x, bx and ex are empty placeholders.
_TEXT_TAGS_1 = frozenset({"g", "mrk"})
# XLIFF 2.0 section 4.1.2: pc and mrk hold text; sc, ec, ph, sm, em are empty; cp is one code point.
_TEXT_TAGS_2 = frozenset({"pc", "mrk"})


def _local(elem: etree._Element) -> str:
    tag = elem.tag
    if not isinstance(tag, str):  # comments, processing instructions
        return ""
    return tag.rsplit("}", 1)[-1]


def _inline_text(elem: etree._Element, text_tags: frozenset[str]) -> str:
    parts = [elem.text or ""]
    for child in elem:
        name = _local(child)
        if name in text_tags:
            parts.append(_inline_text(child, text_tags))
        elif name == "cp":  # XLIFF 2: a code point that XML cannot carry
            try:
                parts.append(chr(int(child.get("hex", ""), 16)))
            except ValueError:
                pass
        parts.append(child.tail or "")
    return "".join(parts)


def _child(elem: etree._Element, name: str) -> etree._Element | None:
    for c in elem:
        if _local(c) == name:
            return c
    return None


def _version(path: str, root: etree._Element) -> int:
    ns = etree.QName(root).namespace
    declared = root.get("version") or ""
    if ns in _NS1 or (ns is None and declared.startswith("1.")):
        return 1
    if ns == _NS2 or (ns is None and declared.startswith("2.")):
        return 2
    raise ParseError(
        path, f"unsupported XLIFF version {declared or '?'} (namespace {ns or 'none'}); "
        "termbase reads XLIFF 1.2 and 2.x", line=root.sourceline,
    )
