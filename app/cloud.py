"""Word clouds as PNG with the `wordcloud` package, in a font that has æøå."""

import io

from PIL import Image
from wordcloud import WordCloud

from .fonts import DEJAVU_SANS


def render_png(freq, width=1600, height=900):
    """PNG bytes of a cloud of [{word, count}]; an empty list gives an empty canvas."""
    cloud = WordCloud(
        font_path=str(DEJAVU_SANS),
        width=width,
        height=height,
        background_color="white",
        colormap="viridis",
        prefer_horizontal=0.9,
        random_state=7,
        # The words are already merged; keep them whole (phrases too).
        collocations=False,
        normalize_plurals=False,
        regexp=None,
    )
    counts = {item["word"]: item["count"] for item in freq}
    if counts:
        cloud.generate_from_frequencies(counts)
        image = cloud.to_image()
    else:
        image = Image.new("RGB", (width, height), "white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
