"""``termbase term``, ``approve``, ``reject``, ``history``: exact outputs on a small termbase."""

import json


def terms(run, cid):
    data = json.loads(run("show", cid, "--json").stdout)
    return [(lang, t["text"], t["status"]) for lang, ts in data["terms"].items() for t in ts]


def test_term_add_set_status_and_remove(two):
    assert two("term", "add", "senate", "Жоғарғы палата", "--lang", "kk").exit_code == 0
    assert ("kk", "Жоғарғы палата", "admitted") in terms(two, "senate")
    assert two("term", "set-status", "senate", "Жоғарғы палата", "deprecated", "--lang", "kk").exit_code == 0
    assert ("kk", "Жоғарғы палата", "deprecated") in terms(two, "senate")
    assert two("term", "remove", "senate", "Жоғарғы палата", "--lang", "kk").exit_code == 0
    assert terms(two, "senate") == [("en", "Senate", "preferred"), ("kk", "Сенат", "preferred"),
                                    ("ru", "Сенат", "preferred")]
    missing = two("term", "remove", "senate", "Палата", "--lang", "kk")
    assert missing.exit_code == 2
    assert missing.stderr == "Error: concept 'senate' has no kk term 'Палата' (kk terms: Сенат)\n"
    assert two("term", "set-status", "senate", "Сенат", "official", "--lang", "kk").exit_code == 2
    again = two("term", "add", "senate", "Сенат", "--lang", "ru")
    assert again.stderr == "Error: concept 'senate' already has the ru term 'Сенат'\n"


def test_approve_records_who_and_history_shows_it(two):
    two("add", "--id", "dbk", "--en", "Development Bank of Kazakhstan {proposed}",
        "--ru", "Банк развития Казахстана {proposed} | БРК {proposed, acronym}")
    assert two("approve", "dbk", "--by", "aida").stdout.splitlines()[0] == "Approved dbk."
    assert terms(two, "dbk") == [("en", "Development Bank of Kazakhstan", "preferred"),
                                 ("ru", "Банк развития Казахстана", "preferred"), ("ru", "БРК", "admitted")]
    lines = two("history", "dbk").stdout.splitlines()
    assert [line.split()[2:] for line in lines if not line.startswith(" ")] == [
        ["v1", "create", lines[0].split()[-1]], ["v2", "update", "aida"]]
    assert "    ~ ru БРК: proposed -> admitted" in lines
    assert two("approve", "dbk").stderr == "Error: concept 'dbk' has no proposed term to approve\n"
    data = json.loads(two("history", "dbk", "--json").stdout)
    assert [(c["action"], c["version"], c["actor"]) for c in data][1] == ("update", 2, "aida")


def test_reject_then_restore(two):
    two("add", "--id", "foo", "--en", "Foo Council {proposed}")
    assert two("reject", "senate").stderr.startswith("Error: concept 'senate' has approved terms")
    assert two("reject", "foo", "--reason", "not an institution", "--by", "aida").stdout == "Rejected foo.\n"
    assert two("show", "foo").exit_code == 2
    history = two("history", "foo").stdout
    # in words, not Python's None and quotes
    assert '    ~ note: set to "Rejected: not an institution"' in history and " delete  aida" in history
    restored = two("history", "foo", "--restore")
    assert restored.stdout.splitlines()[0] == "Restored foo."
    assert terms(two, "foo") == [("en", "Foo Council", "proposed")]
    # the rejection's reason stays in the history, not in the note of the concept brought back
    assert json.loads(two("show", "foo", "--json").stdout)["note"] is None
    two("edit", "foo", "--note", "a council of Foo")
    two("reject", "foo", "--reason", "duplicate")
    assert two("history", "foo", "--restore").exit_code == 0
    assert json.loads(two("show", "foo", "--json").stdout)["note"] == "a council of Foo"


def test_a_removed_shipped_concept_comes_back(run):
    assert run("init").exit_code == 0
    assert run("remove", "senate").exit_code == 0
    assert run("history", "senate", "--restore").exit_code == 0
    assert run("show", "senate").exit_code == 0
    assert run("history", "nosuch").stderr.startswith("Error: no concept 'nosuch' and no history of one in ")


def test_review_walks_proposed_concepts_newest_first(two):
    two("add", "--id", "aaa", "--en", "First Proposed Council {proposed}")
    two("add", "--id", "bbb", "--en", "Second Proposed Council {proposed}")
    two("add", "--id", "ccc", "--en", "Third Proposd Council {proposed}")
    result = two("review", "--by", "aida", input="e\n1\nThird Proposed Council\nr\nnot real\na\n")
    assert result.exit_code == 0
    out = result.stdout
    assert out.index("[1/3]") < out.index("ccc") < out.index("[2/3]") < out.index("bbb") < out.index("[3/3]")
    assert out.rstrip().endswith("Reviewed: 1 approved, 1 rejected, 1 edited, 0 skipped.")
    assert terms(two, "ccc") == [("en", "Third Proposed Council", "proposed")]
    assert two("show", "bbb").exit_code == 2
    assert terms(two, "aaa") == [("en", "First Proposed Council", "preferred")]
    left = two("review", input="q\n").stdout  # ccc is still proposed
    assert "ccc" in left and left.rstrip().endswith("Reviewed: 0 approved, 0 rejected, 0 edited, 0 skipped.")
    two("approve", "ccc")
    assert two("review").stdout == "No proposed concepts to review.\n"


def test_undo_reverts_an_edit_restores_a_removal_and_removes_a_creation(two):
    two("term", "set-status", "senate", "Сенат", "deprecated", "--lang", "kk")
    assert two("undo", "senate").stdout.splitlines()[0] == "Undone: senate reverted."
    assert ("kk", "Сенат", "preferred") in terms(two, "senate")
    two("remove", "senate")
    assert two("undo", "senate").stdout.splitlines()[0] == "Undone: senate restored."
    assert ("kk", "Сенат", "preferred") in terms(two, "senate")
    two("add", "--id", "tmp", "--en", "Temporary Council")
    assert two("undo", "tmp").stdout == "Undone: tmp removed.\n"
    assert two("show", "tmp").exit_code == 2
    assert two("undo", "nosuch").stderr.startswith("Error: no recorded change of concept 'nosuch'")


def test_history_shows_field_changes_in_words(two):
    assert two("edit", "senate", "--note", "Upper house\nof Parliament").exit_code == 0
    assert two("edit", "senate", "--note", "Upper house").exit_code == 0
    assert two("edit", "senate", "--note", "").exit_code == 0
    changes = [line for line in two("history", "senate").stdout.splitlines() if line.startswith("    ~ note")]
    assert changes == [
        '    ~ note: set to "Upper house / of Parliament"',
        '    ~ note: "Upper house / of Parliament" -> "Upper house"',
        '    ~ note: removed (was "Upper house")',
    ]
