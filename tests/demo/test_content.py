"""The demo's data layer: every data file parses and is read by a loader, and texts become the same blocks."""

import ast
from pathlib import Path

import pytest

from demo import content

DEMO = Path(content.__file__).resolve().parent


def areas_read_by_the_code():
    areas = set()
    for path in DEMO.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", None) == "read"
                and getattr(node.func.value, "id", None) == "content"
            ):
                areas.add(node.args[0].value)
    return areas


def test_every_data_file_parses_and_is_read_by_a_loader():
    files = {path.stem for path in content.DATA.glob("*.toml")}
    # volume.toml feeds `generate_volume` (demo/volume.py), the benchmark's ten years of content
    assert files == {"hospital", "disclosure", "procurement", "manuals", "publishing", "complaints", "survey", "volume"}
    assert areas_read_by_the_code() == files
    for area in files:
        assert content.read(area)  # tomllib parses it and it is not empty


def test_body_lines_become_headings_paragraphs_and_the_responsibility_note():
    blocks = content.body(["## วิสัยทัศน์", "ย่อหน้า <b>หนา</b>"], {"units": "งานพัสดุ", "reviewers": "หัวหน้างานพัสดุ"})
    assert blocks == [
        {"type": "heading", "value": {"text": "วิสัยทัศน์", "level": "h2"}},
        {"type": "paragraph", "value": "<p>ย่อหน้า <b>หนา</b></p>"},
        {"type": "heading", "value": {"text": "ผู้รับผิดชอบและผู้ตรวจสอบ", "level": "h2"}},
        {"type": "paragraph", "value": "<p><b>ผู้รับผิดชอบ:</b> งานพัสดุ</p>"},
        {"type": "paragraph", "value": "<p><b>ผู้ตรวจสอบ:</b> หัวหน้างานพัสดุ</p>"},
    ]
    assert content.body([]) == []


def test_section_text_finds_top_level_and_child_sections_and_refuses_unknown_paths():
    title, _intro, body = content.section_text("about/history")
    assert title == "ประวัติความเป็นมา"
    assert body[0]["type"] == "paragraph"
    assert content.section_text("news")[0] == "ข่าวประชาสัมพันธ์"
    with pytest.raises(KeyError):
        content.section_text("about/nothing-here")
