"""Pictures for the disclosure demo, drawn by the project itself: an organisation chart and an infographic."""

from PIL import Image, ImageDraw

from demo.media import CREAM, DARK, GOLD, GREEN, _font, _png

RED = (190, 30, 40)


def _box(draw, xy, text, fill, colour=(255, 255, 255), size=24):
    x0, y0, x1, y1 = xy
    draw.rounded_rectangle(xy, radius=12, fill=fill)
    lines = text.split("\n")
    total = len(lines) * (size + 8)
    for i, line in enumerate(lines):
        y = (y0 + y1) / 2 - total / 2 + i * (size + 8) + (size + 8) / 2
        draw.text(((x0 + x1) / 2, y), line, fill=colour, font=_font(size, "SemiBold"), anchor="mm")


def org_chart(director_position, groups):
    """The hospital's structure: the director above rows of groups, drawn as boxes and lines."""
    per_row, box_w, gap = 5, 280, 30
    rows = [groups[i : i + per_row] for i in range(0, len(groups), per_row)]
    width, height = 1600, 300 + len(rows) * 250
    img = Image.new("RGB", (width, height), CREAM)
    d = ImageDraw.Draw(img)
    d.text((width / 2, 50), "โครงสร้างโรงพยาบาลฮอด", fill=DARK, font=_font(40, "Bold"), anchor="mm")
    _box(d, (600, 100, 1000, 190), director_position, GREEN, size=28)
    _box(d, (1080, 110, 1450, 180), "คณะกรรมการบริหารโรงพยาบาล", (36, 99, 145), size=22)
    d.line([(1000, 145), (1080, 145)], fill=DARK, width=3)
    d.line([(800, 190), (800, 275)], fill=DARK, width=4)
    spine = (width - (per_row * box_w + (per_row - 1) * gap)) / 2 - 25  # runs down the left, beside the rows
    for r, row in enumerate(rows):
        top = 300 + r * 250
        total = len(row) * box_w + (len(row) - 1) * gap
        left = (width - total) / 2
        d.line([(spine, top - 25), (left + total - box_w / 2, top - 25)], fill=DARK, width=4)
        d.line([(spine, 275), (spine, top - 25)], fill=DARK, width=4)
        for i, name in enumerate(row):
            x0 = left + i * (box_w + gap)
            d.line([(x0 + box_w / 2, top - 25), (x0 + box_w / 2, top)], fill=DARK, width=4)
            _box(d, (x0, top, x0 + box_w, top + 150), name, (255, 255, 255), colour=DARK, size=22)
            d.rounded_rectangle((x0, top, x0 + box_w, top + 150), radius=12, outline=GREEN, width=3)
    return _png(img)


def stroke_infographic():
    """BE FAST: the warning signs of a stroke, as an infographic (R1.11)."""
    img = Image.new("RGB", (1080, 1350), CREAM)
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, 1080, 250], fill=RED)
    d.text((540, 90), "สัญญาณเตือนโรคหลอดเลือดสมอง", fill=(255, 255, 255), font=_font(56, "Bold"), anchor="mm")
    d.text((540, 180), "BE FAST", fill=GOLD, font=_font(80, "Bold"), anchor="mm")
    signs = [
        ("B", "Balance", "เดินเซ ทรงตัวไม่ได้"),
        ("E", "Eyes", "ตามัว มองเห็นภาพซ้อน"),
        ("F", "Face", "หน้าเบี้ยว ปากเบี้ยว"),
        ("A", "Arm", "แขนขาอ่อนแรงซีกหนึ่ง"),
        ("S", "Speech", "พูดไม่ชัด พูดไม่ออก"),
        ("T", "Time", "รีบโทร 1669 ภายใน 4.5 ชั่วโมง"),
    ]
    y = 320
    for letter, word, thai in signs:
        d.ellipse([90, y - 55, 200, y + 55], fill=GREEN if letter != "T" else RED)
        d.text((145, y), letter, fill=(255, 255, 255), font=_font(64, "Bold"), anchor="mm")
        d.text((240, y - 22), word, fill=DARK, font=_font(36, "Bold"), anchor="lm")
        d.text((240, y + 26), thai, fill=DARK, font=_font(38), anchor="lm")
        y += 150
    d.text((540, 1290), "ข้อมูลจาก กรมการแพทย์ กระทรวงสาธารณสุข · โรงพยาบาลฮอด", fill=DARK, font=_font(28), anchor="mm")
    return _png(img)
