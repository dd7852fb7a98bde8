"""The extraction page through FastAPI's test client: candidates of pasted text or an uploaded
document with the termbase's equivalents and the suggestions mined from a stored memory (marked as
mined, with their units); adding the picked NEW ones as proposed concepts (as ``extract --add``);
roles, CSRF, the upload limit, unreadable files, escaping."""

import re

import pytest
from markupsafe import escape

from termbase.http.limits import packed_limit
from termbase.models import TranslationUnit
from termbase.services import Workspace, concept_history, show_concept

from ..conftest import make_client
from .test_pages import csrf_of, signed_in

SCRIPT = '<script>alert("x")</script>'

# A tiny three-language memory: the ministry four times in three Kazakh and Russian cases, the
# O'Brien Institute (a quote in its name) once; a hostile script in the texts; the NRCC (English and
# Russian only) with its acronym; the Assembly (a known concept) once under its deprecated Russian name.
UNITS = [
    ("The Ministry of Energy of Kazakhstan signed the agreement.",
     "Қазақстан Энергетика министрлігі келісімге қол қойды.",
     "Министерство энергетики Казахстана подписало соглашение."),
    ("A delegation of the Ministry of Energy of Kazakhstan arrived.",
     "Қазақстан Энергетика министрлігінің делегациясы келді.",
     "Прибыла делегация Министерства энергетики Казахстана."),
    (f"O'Brien Institute experts met the Ministry of Energy of Kazakhstan {SCRIPT}.",
     f"O'Brien Institute сарапшылары Қазақстан Энергетика министрлігімен кездесті {SCRIPT}.",
     f"Эксперты O'Brien Institute встретились с Министерством энергетики Казахстана {SCRIPT}."),
    ("The Ministry of Energy of Kazakhstan answered.", "Қазақстан Энергетика министрлігі жауап берді.",
     "Министерство энергетики Казахстана ответило."),
    ("The National Republican Congressional Committee (NRCC) backed him.", None,
     "Национальный республиканский комитет Конгресса (НРКК) поддержал его."),
    ("The NRCC spent heavily on ads.", None, "НРКК потратил много денег на рекламу."),
    ("A spokesman for the NRCC declined to comment.", None, "Представитель НРКК отказался от комментариев."),
    ("The Assembly of People of Kazakhstan met.", "Қазақстан халқы Ассамблеясы жиналды.",
     "Ассамблея народов Казахстана собралась."),
    ("The Assembly of People of Kazakhstan opened.", "Қазақстан халқы Ассамблеясы ашылды.",
     "Ассамблея народа Казахстана открылась."),
]

TEXT = ("The Ministry of Energy of Kazakhstan met experts of the O'Brien Institute and the National Security "
        f"Committee. The Ministry of Energy of Kazakhstan said {SCRIPT} \"quoted\". The O'Brien Institute agreed. "
        "The National Republican Congressional Committee (NRCC) was not there. "
        "The Assembly of People of Kazakhstan met.")


@pytest.fixture
def web(termbase):
    location, secrets = termbase
    from termbase.store import open_store

    units = [TranslationUnit({k: v for k, v in (("en", en), ("kk", kk), ("ru", ru)) if v}, source_lang="en")
             for en, kk, ru in UNITS]
    with open_store(location) as store:
        store.memories.add_units("news", units)
    with make_client(location) as c:
        yield c, secrets, location


def extract(client, **fields):
    page = client.get("/extract")
    assert page.status_code == 200
    files = fields.pop("files", None)
    data = {"csrf": csrf_of(page.text), "lang": "auto", "tm": "news", "top": "10", **fields}
    return client.post("/extract", data=data, files=files)


def table(html):
    """The results table as rows of (candidate, kind, frequency, en, kk, ru): a language's cell as the
    termbase's terms "text (status)", the mined suggestions "~text [N unit(s)]" (an acronym's marked
    "acronym") and the placeholders, joined by "; "."""
    rows = []
    for tr in re.findall(r'<tr class="(?:new|known)">(.*?)</tr>', html, re.S):
        tds = re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)
        if 'type="checkbox"' in tds[0] or tds[0] == "":
            tds = tds[1:]
        name = re.search(r'(?:class="cand"|class="concept-link" href="[^"]*")>(.*?)<', tds[0]).group(1)
        langs = []
        for cell in tds[3:]:
            parts = [f"{text} ({status})" for status, text in
                     re.findall(r'<span class="term st-(\w+)" lang="\w+">(.*?)<small', cell)]
            parts += [f"~{text}{' ' + what if what else ''} [{units}]" for text, what, units in
                      re.findall(r'class="mined-text"[^>]*>~(.*?)</span>(?: <small>(\w+)</small>)?.*?'
                                 r"<summary>(\d+) unit\(s\)</summary>", cell, re.S)]
            parts += re.findall(r'<span class="missing">(.*?)</span>', cell)
            parts += [f"memory: {text} [{units}, {status}]" for text, units, status in
                      re.findall(r'<small class="usage-line">memory: <span lang="\w+">(.*?)</span> \((\d+) unit\(s\), '
                                 r"(.*?)\)</small>", cell)]
            langs.append("; ".join(parts))
        rows.append((name, tds[1], tds[2], *langs))
    return rows


def evidence(html, term, lang):
    """The evidence list of ``term``'s mined suggestion in ``lang``: (unit, source, target) as HTML."""
    row = next(tr for tr in re.findall(r'<tr class="new">(.*?)</tr>', html, re.S) if f'value="{term}"' in tr)
    cell = re.search(rf'<div class="mined" lang="{lang}">(.*?)</div>', row, re.S).group(1)
    return re.findall(r'<li><small>#\d+</small> <span lang="en">(.*?)</span><br>\n<span lang="\w+">(.*?)</span></li>',
                      cell)


MINISTRY_KK, MINISTRY_RU = "Қазақстан Энергетика министрлігі", "Министерство энергетики Казахстана"
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"


def test_candidates_with_the_termbases_equivalents_and_the_mined_suggestions(web):
    client = signed_in(web, "translator")
    assert '<a href="/extract">Extract</a>' in client.get("/search").text
    r = extract(client, text=TEXT)
    assert r.status_code == 200
    assert "Suggestions mined from memory news: 9 unit(s), en, kk, ru." in r.text
    assert "<h2>pasted.txt: 5 candidate(s) <small>(en)</small></h2>" in r.text
    assert table(r.text) == [
        ("Ministry of Energy of Kazakhstan", "organization", "2", "—", f"~{MINISTRY_KK} [4]", f"~{MINISTRY_RU} [4]"),
        ("O&#39;Brien Institute", "organization", "2", "—", "~O&#39;Brien Institute [1]", "~O&#39;Brien Institute [1]"),
        ("Assembly of People of Kazakhstan", "organization", "1",
         "Assembly of People of Kazakhstan (preferred); APK (admitted); Assembly of Peoples of Kazakhstan (deprecated)",
         "Қазақстан халқы Ассамблеясы (preferred); ҚХА (admitted); memory: Қазақстан халқы Ассамблеясы [2, preferred]",
         "Ассамблея народа Казахстана (preferred); АНК (admitted); Ассамблея народов Казахстана (deprecated); "
         "memory: Ассамблея народа Казахстана [1, preferred]; memory: Ассамблея народов Казахстана [1, deprecated]"),
        ("National Security Committee", "organization", "1", "National Security Committee (preferred); KNB (admitted)",
         "Ұлттық қауіпсіздік комитеті (preferred); ҰҚК (admitted)",
         "Комитет национальной безопасности (preferred); КНБ (admitted)"),
        ("NRCC", "acronym", "1", "—", "NEW", "~Национальный республиканский комитет Конгресса [1]; ~НРКК acronym [3]"),
    ]
    # the evidence: each unit's source and target, the forms the memory used marked, everything escaped
    assert evidence(r.text, "Ministry of Energy of Kazakhstan", "ru") == [
        ("The <mark>Ministry of Energy of Kazakhstan</mark> signed the agreement.",
         f"<mark>{MINISTRY_RU}</mark> подписало соглашение."),
        ("A delegation of the <mark>Ministry of Energy of Kazakhstan</mark> arrived.",
         "Прибыла делегация <mark>Министерства энергетики Казахстана</mark>."),
        (f"O&#39;Brien Institute experts met the <mark>Ministry of Energy of Kazakhstan</mark> {ESCAPED}.",
         f"Эксперты O&#39;Brien Institute встретились с <mark>Министерством энергетики Казахстана</mark> {ESCAPED}."),
    ]
    assert "<small>3 of 4 shown.</small>" in r.text
    assert evidence(r.text, "Ministry of Energy of Kazakhstan", "kk")[1][1] == \
        "<mark>Қазақстан Энергетика министрлігінің</mark> делегациясы келді."
    assert '<input type="checkbox" name="pick" value="O&#39;Brien Institute"' in r.text
    assert re.findall(r'name="pick" value="([^"]*)"', r.text) == [
        "Ministry of Energy of Kazakhstan", "O&#39;Brien Institute", "NRCC"]  # the known one cannot be added
    assert SCRIPT not in r.text and "<script>alert" not in r.text
    assert f"said {ESCAPED} &#34;quoted&#34;." in r.text  # the pasted text, kept in its box and in the contexts


def test_adding_the_picked_candidates_proposes_them_as_extract_add_does(web):
    client = signed_in(web, "translator")
    page = extract(client, text=TEXT).text
    form = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page.split('id="addform"')[1]))
    assert form["name"] == "pasted.txt" and form["tm"] == "news" and form["top"] == "10"
    picks = ["Ministry of Energy of Kazakhstan", "O'Brien Institute"]
    r = client.post("/extract/add", data={**form, "pick": picks}, follow_redirects=False)
    assert r.status_code == 303
    done = client.get(r.headers["location"]).text
    assert ('<p class="notice" role="status">Added 2 proposed concept(s): ministry-of-energy-of-kazakhstan, '
            "o-brien-institute.</p>") in done
    with Workspace.open(web[2]) as ws:
        ministry = show_concept(ws, "ministry-of-energy-of-kazakhstan")
        assert [(t.lang, t.text, t.status, t.note) for t in ministry.terms] == [
            ("en", "Ministry of Energy of Kazakhstan", "proposed", None),
            ("kk", MINISTRY_KK, "proposed", "mined from news (4 unit(s))"),
            ("ru", MINISTRY_RU, "proposed", "mined from news (4 unit(s))"),
        ]
        assert ministry.source == "termbase extract: pasted.txt"
        assert [(e.lang, e.term, e.memory) for e in ministry.evidence] == [("kk", MINISTRY_KK, "news")] * 3 + [
            ("ru", MINISTRY_RU, "news")] * 3
        assert [(c.action, c.actor) for c in concept_history(ws, "o-brien-institute")] == [("create", "translator")]
        assert sorted(c.id for c in ws.store.concepts.iterate()) == [
            "apk", "digital-ministry", "knb", "ministry-of-energy-of-kazakhstan", "o-brien-institute"]
    again = client.post("/extract/add", data={**form, "pick": picks}, follow_redirects=True)
    assert "Added 0 proposed concept(s); 2 not added (no longer NEW, or no longer listed)." in again.text


def test_a_reader_extracts_but_cannot_add(web):
    translator_form = extract(signed_in(web, "translator"), text=TEXT).text.split('id="addform"')[1]
    form = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', translator_form))
    reader = signed_in(web, "reader")
    r = extract(reader, text=TEXT)
    assert r.status_code == 200 and len(table(r.text)) == 5
    assert "addform" not in r.text and 'name="pick"' not in r.text and 'name="doc"' not in r.text
    form["csrf"] = csrf_of(r.text)
    refused = reader.post("/extract/add", data={**form, "pick": ["NRCC"]})
    assert refused.status_code == 403
    assert '<p class="error" role="alert">This needs the role translator or higher; reader is a reader.</p>' in refused.text
    with Workspace.open(web[2]) as ws:
        assert sorted(c.id for c in ws.store.concepts.iterate()) == ["apk", "digital-ministry", "knb"]


def test_forms_without_the_csrf_token_are_refused(web):
    client = signed_in(web, "translator")
    form = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"',
                           extract(client, text=TEXT).text.split('id="addform"')[1]))
    del form["csrf"]
    for path, data in (("/extract", {"text": TEXT}), ("/extract/add", {**form, "pick": ["NRCC"]})):
        r = client.post(path, data=data)
        assert r.status_code == 403 and "<h1>Form expired</h1>" in r.text
    with Workspace.open(web[2]) as ws:
        assert sorted(c.id for c in ws.store.concepts.iterate()) == ["apk", "digital-ministry", "knb"]


def test_an_uploaded_document_and_a_translation_file_mined_itself(web):
    client = signed_in(web, "translator")
    html = b"<html><body><p>The Ministry of Energy of Kazakhstan met the O'Brien Institute.</p></body></html>"
    r = extract(client, files={"file": ("../news.en.html", html, "text/html")})
    assert r.status_code == 200 and "<h2>news.en.html: 2 candidate(s) <small>(en)</small></h2>" in r.text
    assert table(r.text)[0] == ("Ministry of Energy of Kazakhstan", "organization", "1", "—", f"~{MINISTRY_KK} [4]",
                                f"~{MINISTRY_RU} [4]")
    form = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', r.text.split('id="addform"')[1]))
    client.post("/extract/add", data={**form, "pick": ["O'Brien Institute"]})
    with Workspace.open(web[2]) as ws:
        assert show_concept(ws, "o-brien-institute").source == "termbase extract: news.en.html"
    tsv = "en\tru\nThe Supreme Audit Chamber met.\tВысшая аудиторская палата собралась.\n" \
          "The Supreme Audit Chamber agreed.\tВысшая аудиторская палата согласилась.\n"
    r = extract(client, tm="", files={"file": ("pairs.tsv", tsv.encode(), "text/tab-separated-values")})
    assert "Suggestions mined from pairs.tsv: 2 unit(s), en, ru." in r.text
    assert table(r.text) == [("Supreme Audit Chamber", "organization", "2", "—", "NEW",
                              "~Высшая аудиторская палата [2]")]


@pytest.mark.parametrize("fields, status, message", [
    ({"files": {"file": ("scan.txt", bytes(range(256)))}}, 422, "scan.txt: looks like a binary file, not text"),
    ({"files": {"file": ("tm.tmx", b"<tmx><body><tu>")}}, 422, "tm.tmx:1: malformed XML: Premature end of data in tag tu line 1"),
    ({"files": {"file": ("report.docx", b"PK\x03\x04 not a zip")}}, 422, "report.docx: not a DOCX file (not a zip archive)"),
    ({"files": {"file": ("a.txt", b"The Senate met.")}, "text": "The Senate met."}, 400,
     "Paste a text or choose a file, not both."),
    ({"text": "  "}, 400, "Paste a text or choose a file to extract terms from."),
    ({"text": TEXT, "tm": "nope"}, 404, re.escape("no translation memory &#39;nope&#39; in ") + r".*; memories here: news"),
    ({"text": TEXT, "top": "ten"}, 400, "Top: a whole number of candidates, not &#39;ten&#39;."),
])
def test_what_cannot_be_read_is_one_line_and_the_text_is_kept(web, fields, status, message):
    r = extract(signed_in(web, "translator"), **fields)
    assert r.status_code == status
    errors = re.findall(r'<p class="error" role="alert">(.*?)</p>', r.text)
    assert len(errors) == 1 and (errors[0] == message or re.fullmatch(message, errors[0])), errors
    assert "<table" not in r.text
    if fields.get("text", "").strip():  # the pasted text is kept in its box
        assert f'<textarea id="text" name="text" rows="4">{escape(fields["text"])}</textarea>' in r.text


def test_an_upload_over_the_limit_is_413_in_one_line(termbase):
    location, secrets = termbase
    with make_client(location, max_upload=2000) as client:
        signed_in((client, secrets, location), "translator")
        csrf = csrf_of(client.get("/extract").text)
        for path in ("/extract", "/check"):
            r = client.post(path, data={"csrf": csrf}, files={"file": ("big.txt", b"The Senate met. " * 200)})
            assert r.status_code == 413 and r.headers["content-type"] == "text/plain; charset=utf-8"
            assert r.text == "Error: the request body is larger than this server's limit of 2000 bytes\n"

        def chunks():  # no Content-Length: refused once the body passes the limit
            for _ in range(10):
                yield b"x" * 500

        r = client.post("/extract", content=chunks(), headers={"Content-Type": "multipart/form-data; boundary=b"})
        assert r.status_code == 413
        assert r.text == "Error: the request body is larger than this server's limit of 2000 bytes\n"
        assert client.get("/api/memories", headers={"Authorization": f"Bearer {secrets['reader']}"}).json() == []


def test_a_damaged_add_form_is_refused_in_one_line(web):
    client = signed_in(web, "translator")
    form = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"',
                           extract(client, text=TEXT).text.split('id="addform"')[1]))
    for doc in ("not base64!", form["doc"][:-8]):
        r = client.post("/extract/add", data={**form, "doc": doc, "pick": ["NRCC"]})
        assert r.status_code == 422
        assert re.findall(r'<p class="error" role="alert">(.*?)</p>', r.text) == [
            "The form&#39;s document is damaged; extract the terms again."]
    r = client.post("/extract/add", data=form)
    assert r.status_code == 422 and "Pick at least one NEW candidate to add." in r.text


def test_the_check_page_answers_422_for_a_file_it_cannot_read(web):
    client = signed_in(web, "reader")
    r = client.post("/check", data={"csrf": csrf_of(client.get("/check").text)},
                    files={"file": ("scan.po", bytes(range(256)))})
    assert r.status_code == 422
    assert re.findall(r'<p class="error" role="alert">(.*?)</p>', r.text) == ["scan.po: looks like a binary file, not text"]


def test_a_russian_text_gets_english_and_kazakh_columns(web):
    text = ("Министерство энергетики Казахстана встретилось с Комитетом национальной безопасности. "
            "Министерства энергетики Казахстана согласилось.")
    r = extract(signed_in(web, "reader"), text=text)
    assert r.status_code == 200 and "<h2>pasted.txt: 2 candidate(s) <small>(ru)</small></h2>" in r.text
    assert table(r.text) == [
        (MINISTRY_RU, "organization", "2", "~Ministry of Energy of Kazakhstan [4]", f"~{MINISTRY_KK} [4]", "—"),
        ("Комитет национальной безопасности", "organization", "1",
         "National Security Committee (preferred); KNB (admitted)",
         "Ұлттық қауіпсіздік комитеті (preferred); ҰҚК (admitted)",
         "Комитет национальной безопасности (preferred); КНБ (admitted)"),
    ]


def test_the_server_indexes_the_memory_once_until_another_connection_changes_it(web):
    """The memory's mining index is kept between requests (the add step uses it too); a unit imported
    by another connection (another process or server) is in the next page's suggestions."""
    client = signed_in(web, "translator")
    corpora = client.app.state.termbase.corpora
    first = extract(client, text=TEXT)
    nrcc = ("NRCC", "acronym", "1", "—", "NEW", "~Национальный республиканский комитет Конгресса [1]; ~НРКК acronym [3]")
    assert table(first.text)[-1] == nrcc and corpora.built == 1
    assert table(extract(client, text=TEXT).text) == table(first.text) and corpora.built == 1
    from termbase.store import open_store

    with open_store(web[2]) as other:
        other.memories.add_units("news", [TranslationUnit({"en": "The NRCC raised money.", "ru": "НРКК собрал деньги."},
                                                          source_lang="en")])
    page = extract(client, text=TEXT).text
    assert "Suggestions mined from memory news: 10 unit(s), en, kk, ru." in page
    assert table(page)[-1] == nrcc[:-1] + (nrcc[-1].replace("[3]", "[4]"),) and corpora.built == 2
    form = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page.split('id="addform"')[1]))
    r = client.post("/extract/add", data={**form, "pick": ["NRCC"]}, follow_redirects=False)
    assert r.status_code == 303 and corpora.built == 2


def test_a_latin_kazakh_text_is_kazakh_in_its_own_column(web):
    text = "Qazaqstan Respublikasynyñ Energetika ministrligi málimdedi. Energetika ministrligi kelisti."
    r = extract(signed_in(web, "reader"), text=text, tm="", lang="kk-Latn")
    assert r.status_code == 200
    assert "<small>(kk-Latn)</small>" in r.text and '<option value="kk-Latn" selected>' in r.text
    # the Kazakh column is the text's own (no "NEW" there), the candidates written in Latin as read
    assert table(r.text) == [("Energetika", "name", "2", "NEW", "—", "NEW"),
                             ("Qazaqstan Respublikasy", "name", "1", "NEW", "—", "NEW")]


def docx(text: str, size: int) -> bytes:
    """A DOCX of ``size`` bytes: ``text`` in one paragraph and an incompressible picture (as a
    DOCX's photos are: its deflated, base64 form is larger than the file)."""
    import io
    import random
    import zipfile

    body = ('<?xml version="1.0" encoding="UTF-8"?><w:document '
            'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>")

    def build(picture: int) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zf:
            zf.writestr("word/document.xml", body)
            zf.writestr("word/media/image1.png", random.Random(7).randbytes(picture))
        return out.getvalue()

    return build(size - len(build(0)))


def add_form(html: str) -> dict:
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html.split('id="addform"')[1]))


def test_a_document_just_under_the_upload_limit_can_be_added_from(termbase):
    """The add form sends the document back packed (over 1 MB, more than the DOCX itself): its body
    limit fits any document the upload limit let in (before: 413, or Starlette's 400 JSON)."""
    location, secrets = termbase
    limit = 1_500_000
    with make_client(location, max_upload=limit) as client:
        signed_in((client, secrets, location), "translator")
        document = docx("The Supreme Audit Chamber met the O&apos;Brien Institute.", limit - 1000)
        r = extract(client, tm="", files={"file": ("report.docx", document)})
        assert r.status_code == 200 and "<h2>report.docx: 2 candidate(s) <small>(en)</small></h2>" in r.text
        assert re.findall(r'name="pick" value="([^"]*)"', r.text) == ["Supreme Audit Chamber", "O&#39;Brien Institute"]
        form = add_form(r.text)
        assert len(form["doc"]) > limit  # larger than the upload itself
        added = client.post("/extract/add", data={**form, "pick": ["Supreme Audit Chamber"]}, follow_redirects=False)
        assert added.status_code == 303, added.text[:300]
        assert "Added 1 proposed concept(s): supreme-audit-chamber." in client.get(added.headers["location"]).text
    with Workspace.open(location) as ws:
        assert show_concept(ws, "supreme-audit-chamber").source == "termbase extract: report.docx"
        assert [(t.lang, t.text, t.status) for t in show_concept(ws, "supreme-audit-chamber").terms] == [
            ("en", "Supreme Audit Chamber", "proposed")]


def test_a_pack_over_the_upload_limit_is_refused_in_one_line(termbase):
    import base64
    import zlib

    location, secrets = termbase
    limit = 20_000
    with make_client(location, max_upload=limit) as client:
        signed_in((client, secrets, location), "translator")
        form = add_form(extract(client, tm="", text="The Supreme Audit Chamber met.").text)
        over = "The Senate met. ".encode() * (limit // 16 + 1)  # one byte too many once inflated
        bomb = b"\0" * (20 * 1024 * 1024)  # 20 MB of zeros in a 27 KB pack: never inflated past the limit
        for data in (over, bomb):
            doc = base64.urlsafe_b64encode(zlib.compress(data, 9)).decode()
            r = client.post("/extract/add", data={**form, "doc": doc, "pick": ["Supreme Audit Chamber"]})
            assert r.status_code == 422
            assert re.findall(r'<p class="error" role="alert">(.*?)</p>', r.text) == [
                f"The form&#39;s document is larger than this server&#39;s upload limit of {limit} bytes."]
        # a body past what any accepted upload packs to: refused before it is read, in one line
        r = client.post("/extract/add", data={**form, "doc": "A" * packed_limit(limit), "pick": ["Supreme Audit Chamber"]})
        assert r.status_code == 413 and r.headers["content-type"] == "text/plain; charset=utf-8"
        assert r.text == f"Error: the request body is larger than this server's limit of {limit} bytes\n"
        r = client.post("/extract/add", data={**form, "pick": [str(n) for n in range(1001)]})  # a form Starlette refuses
        assert r.status_code == 400 and r.headers["content-type"] == "text/plain; charset=utf-8"
        assert r.text == "Error: the form cannot be read: Too many fields. Maximum number of fields is 1000.\n"
    with Workspace.open(location) as ws:
        assert sorted(c.id for c in ws.store.concepts.iterate()) == ["apk", "digital-ministry", "knb"]


def test_pasted_text_up_to_the_upload_limit_is_read_and_more_is_413_in_one_line(termbase):
    """Pasted text over Starlette's 1 MB part size (before: 400 with a JSON error) is read up to the
    upload limit; a larger one gets the page's one line, as a larger upload does."""
    location, secrets = termbase
    limit = 1_300_000
    sentence = "The Supreme Audit Chamber met today.\n"
    with make_client(location, max_upload=limit) as client:
        signed_in((client, secrets, location), "reader")
        text = sentence * ((limit - 2000) // len(sentence))
        assert len(text) > 1024 * 1024
        nofile = {"file": ("", b"", "application/octet-stream")}  # multipart, as the page's form (no file chosen)
        r = extract(client, tm="", text=text, files=nofile)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html"), re.findall(r"role=.alert.>(.*?)<", r.text)
        assert table(r.text) == [("Supreme Audit Chamber", "organization", str(len(text) // len(sentence)),
                                  "—", "NEW", "NEW")]
        r = extract(client, tm="", text=text + sentence * 100, files=nofile)
        assert r.status_code == 413 and r.headers["content-type"] == "text/plain; charset=utf-8"
        assert r.text == f"Error: the request body is larger than this server's limit of {limit} bytes\n"
