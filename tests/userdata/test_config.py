"""The config file: each setting read, each bad one one line naming it and the file, defaults kept."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, strategies as st

from liaocheng_tui.userdata.config import Config, load_config


def _load(tmp_path: Path, text: str) -> Config:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


def test_every_setting_is_read(tmp_path):
    config = _load(tmp_path, '''
theme = "nord"
archive = ["~/papers", "/srv/liaocheng"]
citation_style = "gbt7714"
export_format = "csv"
export_dir = "~/exports"
[keys]
"browse.bookmark" = "B, m"
''')
    assert config.problems == []
    assert config.theme == "nord" and config.citation_style == "gbt7714" and config.export_format == "csv"
    assert config.archive == [Path("~/papers").expanduser(), Path("/srv/liaocheng")]
    assert config.export_dir == Path("~/exports").expanduser()
    assert config.keys == {"browse.bookmark": "B,m"}


def test_a_missing_file_is_the_defaults_and_only_said_when_asked_for(tmp_path):
    assert load_config(tmp_path / "none.toml").problems == []
    asked = load_config(tmp_path / "none.toml", required=True)
    assert len(asked.problems) == 1 and "none.toml" in asked.problems[0] and "no such file" in asked.problems[0]


def test_bad_settings_are_one_line_each_and_the_rest_applies(tmp_path):
    config = _load(tmp_path, '''
theme = 3
citation_style = "apa"
export_format = "docx"
colour = "red"
archive = "/srv/one"
[keys]
"browse.bookmark" = ""
''')
    assert config.archive == [Path("/srv/one")], "a single folder is a list of one"
    assert config.theme is None and config.citation_style == "plain" and config.export_format == "md"
    named = ["theme", "citation_style", "export_format", "colour", "keys.browse.bookmark"]
    assert len(config.problems) == len(named), config.problems
    for line, key in zip(config.problems, named):
        assert "\n" not in line and f": {key}: " in line and "config.toml" in line and "default" in line, line


def test_a_file_that_is_not_toml_is_one_line_and_the_defaults(tmp_path):
    config = _load(tmp_path, 'theme = "nord\n[keys\n')
    assert len(config.problems) == 1 and "not valid TOML" in config.problems[0] and "config.toml" in config.problems[0]
    assert config.theme is None


toml_values = st.recursive(
    st.one_of(st.integers(), st.text(max_size=8), st.booleans(), st.floats(allow_nan=False)),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(min_size=1, max_size=6), inner, max_size=3),
    max_leaves=6,
)


@given(st.dictionaries(st.sampled_from(["theme", "archive", "keys", "citation_style", "export_format",
                                        "export_dir", "other"]), toml_values, max_size=4))
def test_any_value_of_any_setting_is_used_or_named_never_a_crash(data):
    from liaocheng_tui.userdata.config import _read

    config = Config(path=Path("c.toml"))
    _read(config, data)
    assert all(isinstance(line, str) and "\n" not in line for line in config.problems)
    assert config.citation_style in ("plain", "gbt7714") and config.export_format in ("jsonl", "json", "md", "csv")
    assert all(isinstance(p, Path) for p in config.archive)
