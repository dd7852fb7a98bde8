"""The web interface through FastAPI's test client: sign-in, search, concept pages, editing with
versions, review, memory, check, alignment review, admin; escaping, CSRF, roles."""

import re

import pytest

from termbase.models import Concept, Term, TranslationUnit
from termbase.services import Workspace

from ..conftest import make_client


@pytest.fixture
def web(termbase):
    location, secrets = termbase
    with make_client(location) as c:
        yield c, secrets, location


def signed_in(web, role):
    client, secrets, _ = web
    r = client.post("/login", data={"token": secrets[role], "next": "/search"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/search"
    assert "httponly" in r.headers["set-cookie"].lower() and "samesite=strict" in r.headers["set-cookie"].lower()
    return client


def csrf_of(html):
    return re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)


def version_of(html):
    return int(re.search(r'name="version" value="(\d+)"', html).group(1))


def test_pages_need_a_sign_in(web):
    client, _, _ = web
    r = client.get("/concepts/apk", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login?next=%2Fconcepts%2Fapk"
    bad = client.post("/login", data={"token": "nope", "next": "/"})
    assert bad.status_code == 401 and "That token is unknown or was revoked." in bad.text


def test_sign_in_never_sends_you_to_another_site(web):
    client, secrets, _ = web
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil"):
        r = client.post("/login", data={"token": secrets["reader"], "next": target}, follow_redirects=False)
        assert r.headers["location"] == "/"


def test_search_finds_an_inflected_kazakh_form_and_filters(web):
    client = signed_in(web, "reader")
    r = client.get("/search", params={"q": "Ассамблеясының", "partial": 1})
    assert r.status_code == 200
    assert re.findall(r'href="/concepts/([^"]+)"', r.text) == ["apk"]
    assert 'lang="kk"' in r.text and "Server-Timing" in r.headers
    proposed = client.get("/search", params={"status": "proposed", "partial": 1}).text
    assert re.findall(r'class="concept-link" href="/concepts/([^"]+)"', proposed) == ["digital-ministry"]
    missing_kk = client.get("/search", params={"missing": "kk", "partial": 1}).text
    assert re.findall(r'class="concept-link" href="/concepts/([^"]+)"', missing_kk) == ["digital-ministry"]


def test_pages_send_a_strict_content_security_policy(web):
    client = signed_in(web, "reader")
    r = client.get("/search")
    assert r.headers["content-security-policy"].startswith("default-src 'self'; script-src 'self'")
    assert "http" not in re.sub(r'href="/[^"]*"|src="/[^"]*"', "", r.text.split("<main")[0]).replace("http-equiv", "")


def test_reader_sees_no_edit_controls(web):
    client = signed_in(web, "reader")
    html = client.get("/concepts/apk").text
    assert "Ассамблея народа Казахстана" in html
    assert "<form method=\"post\" action=\"/concepts/apk" not in html
    assert client.get("/review").status_code == 200 and "Approve" not in client.get("/review").text
    csrf = csrf_of(html)
    refused = client.post("/concepts/apk/terms/remove", data={"csrf": csrf, "version": 1, "lang": "en",
                                                              "text": "APK"})
    assert refused.status_code == 403 and "This needs the role terminologist or higher" in refused.text


def test_a_script_term_is_shown_as_text(web):
    client, _, location = web
    from termbase.store import open_store

    with open_store(location) as store:
        Workspace(store).store.concepts.add(Concept("xss", (Term("en", "<script>alert(1)</script>"),)))
    signed_in(web, "reader")
    html = client.get("/concepts/xss").text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    found = client.get("/search", params={"q": "alert", "partial": 1}).text
    assert "<script>alert" not in found


def test_approve_is_recorded_with_the_reviewer(web):
    client = signed_in(web, "terminologist")
    page = client.get("/concepts/digital-ministry").text
    r = client.post("/concepts/digital-ministry/approve", data={"csrf": csrf_of(page), "version": version_of(page)})
    assert r.status_code == 200 and "Approved." in r.text
    assert re.search(r"v2 <strong>update</strong> by <span class=\"actor\">terminologist</span>", r.text)
    assert 'class="term st-preferred" lang="ru">Министерство цифрового развития' in r.text


def test_a_stale_edit_shows_the_other_change(web):
    client = signed_in(web, "terminologist")
    page = client.get("/concepts/apk").text
    csrf, version = csrf_of(page), version_of(page)
    first = client.post("/concepts/apk/edit", data={"csrf": csrf, "version": version, "note": "first reviewer"})
    assert first.status_code == 200 and "Saved." in first.text
    second = client.post("/concepts/apk/edit", data={"csrf": csrf, "version": version, "note": "second reviewer"})
    assert second.status_code == 409
    assert "terminologist changed this concept while you were working on it" in second.text
    assert "first reviewer" in second.text and "second reviewer" not in second.text


def test_forms_without_the_csrf_token_are_refused(web):
    client = signed_in(web, "terminologist")
    r = client.post("/concepts/apk/edit", data={"version": 1, "note": "forged"})
    assert r.status_code == 403 and "Form expired" in r.text
    assert "forged" not in client.get("/concepts/apk").text


def test_a_translator_proposes_and_latin_look_alikes_are_pointed_out(web):
    client = signed_in(web, "translator")
    page = client.get("/concepts/knb").text
    assert "Propose" in page and "/terms/remove" not in page
    r = client.post("/concepts/knb/terms", data={"csrf": csrf_of(page), "version": version_of(page), "lang": "kk",
                                                  "text": "Ұлттық қaуіпсіздік комитеті"})
    assert r.status_code == 200
    assert 'class="term st-proposed" lang="kk">Ұлттық қaуіпсіздік комитеті' in r.text
    assert "&#39;қaуіпсіздік&#39; has Latin letters that look Cyrillic: did you mean &#39;қауіпсіздік&#39;?" in r.text


def test_review_queue_rejects_with_a_reason(web):
    client = signed_in(web, "terminologist")
    queue = client.get("/review").text
    assert re.findall(r'<tr class="item" tabindex="0" data-href="/concepts/([^"]+)"', queue) == ["digital-ministry"]
    r = client.post("/concepts/digital-ministry/reject", data={"csrf": csrf_of(queue), "version": 1,
                                                               "reason": "not an official name"},
                    follow_redirects=True)
    assert r.status_code == 200 and "Rejected digital-ministry." in r.text and "Nothing to review." in r.text


@pytest.fixture
def memory(termbase):
    from termbase.store import open_store

    units = [TranslationUnit({"en": "The Assembly of People of Kazakhstan met.", "ru": "Ассамблея народа Казахстана собралась."},
                             document="d", position=0, score=0.97),
             TranslationUnit({"en": "It rained.", "ru": "Сессия открылась."}, document="d", position=1, score=0.2)]
    with open_store(termbase[0]) as store:
        store.memories.add_units("news", units)


def test_concept_page_shows_memory_usage_highlighted(web, memory):
    client = signed_in(web, "reader")
    html = client.get("/concepts/apk").text
    assert "<mark>Ассамблея народа Казахстана</mark> собралась." in html or "<mark>Assembly of People of Kazakhstan</mark>" in html


def test_memory_search_fuzzy_and_concordance(web, memory):
    client = signed_in(web, "reader")
    fuzzy = client.get("/memory", params={"q": "The Assembly of People of Kazakhstan met today.", "tm": "news",
                                          "lang": "en"}).text
    assert re.search(r'<span class="score">\d+%</span>', fuzzy)
    conc = client.get("/memory", params={"q": "Ассамблеи", "tm": "news", "lang": "ru", "mode": "concordance"}).text
    assert "<mark>Ассамблея</mark> народа Казахстана собралась." in conc


def test_alignment_review_lists_doubtful_units_and_removes_one(web, memory):
    reader = signed_in(web, "reader")
    page = reader.get("/memories/news/units", params={"max_score": "0.5"}).text
    assert "1 unit(s) scored under 0.5" in page and "It rained." in page and "собралась" not in page
    assert "/remove" not in page
    client = signed_in(web, "terminologist")
    page = client.get("/memories/news/units", params={"max_score": "0.5"}).text
    unit_id = re.search(r"#(\d+)<br>", page).group(1)
    r = client.post(f"/units/{unit_id}/remove", data={"csrf": csrf_of(page), "memory": "news", "max_score": "0.5"},
                    follow_redirects=True)
    assert f"Removed unit #{unit_id}." in r.text and "0 unit(s) scored under 0.5" in r.text


def test_alignment_review_edits_a_unit(web, memory):
    client = signed_in(web, "terminologist")
    page = client.get("/memories/news/units", params={"max_score": "all"}).text
    unit_id = re.findall(r"#(\d+)<br>", page)[1]
    r = client.post(f"/units/{unit_id}/edit", data={"csrf": csrf_of(page), "memory": "news", "max_score": "all",
                                                    "text_en": "The session opened.", "text_ru": "Сессия открылась."},
                    follow_redirects=True)
    assert f"Saved unit #{unit_id}." in r.text and "The session opened." in r.text


def test_check_an_uploaded_po_highlights_and_offers_json(web):
    client = signed_in(web, "reader")
    page = client.get("/check").text
    po = ('msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
          'msgid "The National Security Committee reported."\nmsgstr "Министерство обороны сообщило."\n')
    r = client.post("/check", data={"csrf": csrf_of(page)}, files={"file": ("site.ru.po", po.encode(), "text/x-po")})
    assert r.status_code == 200
    assert "site.ru.po: 1 finding(s) in 1 unit(s)" in r.text
    assert "<mark>National Security Committee</mark> reported." in r.text
    assert 'download="findings.json"' in r.text and "data:application/json;charset=utf-8," in r.text


def test_admin_pages_need_an_admin(web):
    client = signed_in(web, "terminologist")
    assert client.get("/admin").status_code == 403
    admin = signed_in(web, "admin")
    r = admin.get("/admin/export", params={"format": "tbx"})
    assert r.status_code == 200 and b"<tbx " in r.content[:2000]
    assert r.headers["content-disposition"] == 'attachment; filename="termbase.tbx"'
    page = admin.get("/admin").text
    csv = "id,en,ru\nsenate,Senate,Сенат\n"
    done = admin.post("/admin/import", data={"csrf": csrf_of(page), "on_conflict": "skip"},
                      files={"file": ("new.csv", csv.encode(), "text/csv")}, follow_redirects=True)
    assert "Imported 1 concept(s) from new.csv (csv)." in done.text


# An acronym written with its expansion: `extract --add` stores the acronym's rendering as an acronym
# term with its units as evidence; the concept page lists those units under the mined suggestions.
NRCC = [
    ("The National Republican Congressional Committee (NRCC) backed him.",
     "Национальный республиканский комитет Конгресса (НРКК) поддержал его."),
    ("The NRCC spent heavily on ads & <b>mail</b>.", "НРКК потратил много денег на рекламу & <b>почту</b>."),
    ("A spokesman for the NRCC declined to comment.", "Представитель НРКК отказался от комментариев."),
]


def test_concept_page_shows_the_acronyms_mined_rendering_escaped(web, tmp_path):
    from termbase.extraction.pipeline import ExtractConfig
    from termbase.formats import get_format
    from termbase.services.extract import extract_files
    from termbase.store import open_store

    tmx = tmp_path / "nrcc.tmx"
    get_format("tmx").write_units([TranslationUnit({"en": en, "ru": ru}) for en, ru in NRCC], str(tmx),
                                  source_lang="en", target_langs=["ru"])
    with open_store(web[2]) as store:
        run = extract_files([str(tmx)], ws=Workspace(store), config=ExtractConfig(kinds=("acronym",)), add=True)
    assert run.added == ("national-republican-congressional-committee",)
    html = signed_in(web, "reader").get("/concepts/national-republican-congressional-committee").text
    table = html.split('id="h-evidence"')[1].split("</table>")[0]
    rows = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in re.findall(r"<tr><td.*?</tr>", table, re.S)]
    name = "Национальный республиканский комитет Конгресса"
    assert rows == [
        [name, f"{tmx} #1", NRCC[0][0], f"<mark>{name}</mark> (НРКК) поддержал его."],
        ["НРКК", f"{tmx} #1", NRCC[0][0], f"{name} (<mark>НРКК</mark>) поддержал его."],
        ["НРКК", f"{tmx} #2", "The NRCC spent heavily on ads &amp; &lt;b&gt;mail&lt;/b&gt;.",
         "<mark>НРКК</mark> потратил много денег на рекламу &amp; &lt;b&gt;почту&lt;/b&gt;."],
        ["НРКК", f"{tmx} #3", NRCC[2][0], "Представитель <mark>НРКК</mark> отказался от комментариев."],
    ]
