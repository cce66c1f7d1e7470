"""Word-cloud pictures for documents: smaller than the projector's, the same look."""

from app.exports.cloud import render_png

DOCUMENT_SIZE = (1000, 560)


def cloud_png(block):
    """The PNG of a cloud block (an empty canvas when nothing is visible)."""
    width, height = DOCUMENT_SIZE
    return render_png(block["frequencies"], width=width, height=height)
