"""Draw demo pictures with Pillow so load_demo needs no network and no stock photos."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Collection

# Calm, related colours, so the demo looks designed rather than random.
PALETTES = [
    ["#0b3d5c", "#0d7a5f", "#8fd3c1", "#f2f6f8", "#ffd23f"],
    ["#06263a", "#2f6f9f", "#9cc7e4", "#e1eaef", "#f28c6b"],
    ["#163a2f", "#3d8c6e", "#b9e0c9", "#f4f1e8", "#e7a33e"],
    ["#3b2a5c", "#6c5aa8", "#c7bfe8", "#f5f3fa", "#48b8a0"],
]


def draw_picture(seed: int, width: int = 1600, height: int = 900) -> bytes:
    """An abstract composition of soft shapes, the same for the same seed."""
    rng = random.Random(seed)
    palette = PALETTES[seed % len(PALETTES)]
    image = PILImage.new("RGB", (width, height), palette[3])
    draw = ImageDraw.Draw(image)
    # Broad bands first, then circles, then a few connecting lines: "people and links".
    for i in range(3):
        top = int(height * (0.25 + 0.22 * i + rng.uniform(-0.05, 0.05)))
        draw.rectangle([0, top, width, height], fill=palette[i % 3])
    for _ in range(9):
        r = rng.randint(height // 14, height // 4)
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=rng.choice(palette))
    points = [(rng.randint(0, width), rng.randint(0, height)) for _ in range(6)]
    draw.line(points, fill=palette[4], width=max(6, width // 160), joint="curve")
    for x, y in points:
        r = width // 90
        draw.ellipse([x - r, y - r, x + r, y + r], fill=palette[4])
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def demo_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name="Demo images").first()
    return existing or root.add_child(name="Demo images")


def get_or_create_image(title: str, seed: int, width: int = 1600, height: int = 900, description: str = ""):
    """A Wagtail image with this title, drawn on first use and reused afterwards.

    `description` becomes the image's default alt text.
    """
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    data = draw_picture(seed, width, height)
    image = image_model(title=title, description=description, collection=demo_collection())
    image.file = ImageFile(io.BytesIO(data), name=f"demo-{seed}.jpg")
    image.save()
    return image
