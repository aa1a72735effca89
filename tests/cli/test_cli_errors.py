"""A newcomer's mistakes get one line and a hint, never a traceback (checked in a real subprocess)."""
from __future__ import annotations


def _one_line_error(proc) -> str:
    err = proc.stderr.decode()
    assert "Traceback" not in err
    assert "Error" in err
    return err


def test_unknown_flag(cli):
    proc = cli.subprocess("extract", "--frobnicate", "x.txt")
    assert proc.returncode == 2
    assert "No such option" in _one_line_error(proc)
    assert "Usage:" in proc.stderr.decode()


def test_date_that_is_not_a_date(cli):
    proc = cli.subprocess("extract", "-", "--published", "next tuesday", input=b"text")
    assert proc.returncode == 2
    assert "is not a date" in _one_line_error(proc)


def test_reading_command_on_missing_db(cli, tmp_path):
    proc = cli.subprocess("statements", "--db", str(tmp_path / "nope.db"))
    assert proc.returncode == 2
    err = _one_line_error(proc)
    assert "no ledger at" in err and "Hint:" in err
    assert not (tmp_path / "nope.db").exists()


def test_unknown_model(cli):
    proc = cli.subprocess("extract", "-", "--model", "en_no_such_model", input=b"The minister spoke.")
    assert proc.returncode == 2
    assert "not installed" in _one_line_error(proc)


def test_eval_unknown_kind(cli, tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text("{}\n")
    proc = cli.subprocess("eval", "moods", str(f), str(f))
    assert proc.returncode == 2
    assert "Invalid value" in _one_line_error(proc)
