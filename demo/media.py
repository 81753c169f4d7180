"""Images and PDFs for the demo hospital, drawn by the project itself (no downloads, no stock photos)."""

import io
import random

from PIL import Image, ImageDraw, ImageFont

from home.exports import render_pdf
from home.fonts import font_path

GREEN = (11, 107, 79)
DARK = (6, 61, 45)
GOLD = (243, 201, 105)
CREAM = (246, 250, 248)


def _font(size, weight="Regular"):
    return ImageFont.truetype(str(font_path(weight)), size, layout_engine=ImageFont.Layout.RAQM)


def _png(img):
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def _jpeg(img):
    buf = io.BytesIO()
    img.convert("RGB").save(buf, format="JPEG", quality=84)
    return buf.getvalue()


def hospital_scene(width=1600, height=600, seed=1):
    """A flat illustration of a district hospital building under the Doi mountains."""
    rnd = random.Random(seed)  # noqa: S311 — seeded pictures, not secrets
    img = Image.new("RGB", (width, height), (188, 224, 214))
    d = ImageDraw.Draw(img)
    for i in range(height):  # sky gradient
        t = i / height
        d.line([(0, i), (width, i)], fill=(int(170 + 60 * t), int(214 + 30 * t), int(230 - 10 * t)))
    for x0, peak, shade in ((-200, 250, (120, 170, 140)), (500, 200, (100, 155, 125)), (1100, 260, (110, 165, 135))):
        d.polygon([(x0, height), (x0 + 450, peak), (x0 + 900, height)], fill=shade)
    d.rectangle([0, height - 110, width, height], fill=(96, 150, 96))
    bx, by, bw, bh = int(width * 0.38), height - 330, int(width * 0.46), 230
    d.rectangle([bx, by, bx + bw, by + bh], fill=(250, 250, 246))
    d.rectangle([bx, by, bx + bw, by + 28], fill=GREEN)
    for row in range(3):
        for col in range(10):
            wx = bx + 30 + col * (bw - 60) // 10
            wy = by + 50 + row * 55
            d.rectangle([wx, wy, wx + 34, wy + 32], fill=(150, 200, 215))
    d.rectangle([bx + bw // 2 - 50, by + bh - 80, bx + bw // 2 + 50, by + bh], fill=(120, 170, 190))
    cx, cy = bx + bw // 2, by - 45
    d.ellipse([cx - 38, cy - 38, cx + 38, cy + 38], fill=(255, 255, 255), outline=GREEN, width=5)
    d.rectangle([cx - 8, cy - 24, cx + 8, cy + 24], fill=(200, 30, 40))
    d.rectangle([cx - 24, cy - 8, cx + 24, cy + 8], fill=(200, 30, 40))
    for _ in range(14):  # trees
        tx = rnd.randint(0, width)
        if bx - 40 < tx < bx + bw + 40:
            continue
        ty = height - 110
        d.rectangle([tx - 5, ty - 40, tx + 5, ty], fill=(110, 80, 50))
        d.ellipse([tx - 35, ty - 110, tx + 35, ty - 30], fill=(60, 130, 80))
    return _jpeg(img)


def news_picture(title_hint, seed):
    """A simple picture for a news card: coloured scene with people-like shapes."""
    rnd = random.Random(seed)  # noqa: S311 — seeded pictures, not secrets
    palette = [(11, 107, 79), (36, 99, 145), (164, 92, 32), (120, 70, 140), (30, 120, 120)]
    base = palette[seed % len(palette)]
    img = Image.new("RGB", (960, 540), tuple(min(255, c + 150) for c in base))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 380, 960, 540], fill=tuple(min(255, c + 90) for c in base))
    for i in range(6):
        x = 120 + i * 130 + rnd.randint(-20, 20)
        colour = palette[(seed + i) % len(palette)]
        d.ellipse([x - 28, 230, x + 28, 286], fill=(235, 200, 170))
        d.rounded_rectangle([x - 45, 290, x + 45, 430], radius=30, fill=colour)
    d.rounded_rectangle([60, 40, 900, 150], radius=18, fill=(255, 255, 255))
    d.text((480, 95), title_hint, fill=DARK, font=_font(40, "Bold"), anchor="mm")
    return _jpeg(img)


def portrait(seed, label=""):
    """A neutral portrait placeholder-free avatar: head and shoulders in uniform colours."""
    rnd = random.Random(seed)  # noqa: S311 — seeded pictures, not secrets
    bg = (220 + rnd.randint(0, 20), 232, 226)
    img = Image.new("RGB", (480, 600), bg)
    d = ImageDraw.Draw(img)
    skin = rnd.choice([(236, 200, 170), (224, 184, 150), (210, 170, 135)])
    hair = rnd.choice([(30, 30, 30), (50, 40, 35), (70, 60, 55)])
    d.rounded_rectangle([90, 380, 390, 640], radius=120, fill=(250, 250, 250))  # white uniform
    d.polygon([(240, 400), (200, 380), (280, 380)], fill=GREEN)
    d.ellipse([160, 150, 320, 350], fill=skin)
    d.chord([155, 130, 325, 300], 180, 360, fill=hair)
    d.rectangle([150, 560, 330, 600], fill=(250, 250, 250))
    if label:
        d.text((240, 585), label, fill=DARK, font=_font(22, "SemiBold"), anchor="mm")
    return _jpeg(img)


def no_gift_infographic(fiscal_year, director_name, director_position):
    """The No Gift Policy infographic in the director's name (MOIT 12.1)."""
    img = Image.new("RGB", (1080, 1350), CREAM)
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, 1080, 300], fill=GREEN)
    d.text((540, 95), "ประกาศเจตนารมณ์", fill=(255, 255, 255), font=_font(64, "Bold"), anchor="mm")
    d.text((540, 185), "NO GIFT POLICY", fill=GOLD, font=_font(84, "Bold"), anchor="mm")
    d.text((540, 260), f"ปีงบประมาณ พ.ศ. {fiscal_year}", fill=(255, 255, 255), font=_font(40, "SemiBold"), anchor="mm")
    lines = [
        "โรงพยาบาลฮอด",
        "ไม่รับของขวัญและของกำนัลทุกชนิด",
        "จากการปฏิบัติหน้าที่",
        "",
        "ผู้บริหารและเจ้าหน้าที่ทุกคน",
        "จะไม่รับ ไม่ให้ ไม่เรียกรับ",
        "ของขวัญ ของกำนัล หรือประโยชน์อื่นใด",
        "ที่อาจส่งผลต่อการตัดสินใจในการปฏิบัติหน้าที่",
    ]
    y = 400
    for line in lines:
        if line:
            d.text(
                (540, y),
                line,
                fill=DARK,
                font=_font(46 if y < 520 else 40, "SemiBold" if y < 520 else "Regular"),
                anchor="mm",
            )
        y += 70
    d.ellipse([440, 960, 640, 1160], outline=(190, 30, 40), width=18)
    d.line([(470, 1130), (610, 990)], fill=(190, 30, 40), width=18)
    d.rectangle([505, 1030, 575, 1090], fill=GOLD)
    d.text((540, 1230), director_name, fill=DARK, font=_font(38, "Bold"), anchor="mm")
    d.text((540, 1285), director_position, fill=DARK, font=_font(30), anchor="mm")
    return _png(img)


def map_picture():
    """A schematic map of the hospital's location in Hod district."""
    img = Image.new("RGB", (1000, 620), (236, 240, 232))
    d = ImageDraw.Draw(img)
    d.line([(0, 420), (1000, 260)], fill=(250, 210, 120), width=26)  # highway 108
    d.line([(0, 420), (1000, 260)], fill=(255, 255, 255), width=3)
    d.line([(520, 0), (600, 620)], fill=(150, 190, 220), width=34)  # Ping river
    d.rectangle([640, 140, 780, 240], fill=GREEN)
    d.text((710, 190), "รพ.ฮอด", fill=(255, 255, 255), font=_font(30, "Bold"), anchor="mm")
    d.text((30, 470), "ทางหลวงหมายเลข 108 (เชียงใหม่ – ฮอด)", fill=DARK, font=_font(26), anchor="lm")
    d.text((430, 60), "แม่น้ำปิง", fill=(36, 99, 145), font=_font(26), anchor="mm")
    d.text((850, 560), "ไปอำเภอดอยเต่า →", fill=DARK, font=_font(24), anchor="mm")
    d.text((30, 560), "← ไปอำเภอจอมทอง / เชียงใหม่", fill=DARK, font=_font(24), anchor="lm")
    return _png(img)


def thai_pdf(title, paragraphs, meta_lines=()):
    """A one- or two-page A4 PDF with Thai text, rendered by WeasyPrint with Sarabun (``home.exports``)."""
    context = {"title": title, "paragraphs": paragraphs, "meta_lines": meta_lines}
    return render_pdf("demo/pdf/document.html", context)


def thai_docx(title, paragraphs):
    """A small Word (DOCX) file with Thai text: a title and paragraphs in Sarabun, no library needed."""
    import zipfile
    from xml.sax.saxutils import escape

    def para(text, bold=False, size=32):
        run = f'<w:rPr><w:rFonts w:ascii="Sarabun" w:hAnsi="Sarabun" w:cs="Sarabun"/>{"<w:b/>" if bold else ""}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
        return f'<w:p><w:r>{run}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'

    body = para(title, bold=True, size=36) + "".join(para(p) for p in paragraphs)
    ns = "http://schemas.openxmlformats.org"
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<Types xmlns="{ns}/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<Relationships xmlns="{ns}/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>'
        ),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{ns}/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'
        ),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text.encode("utf-8"))
    return buf.getvalue()
