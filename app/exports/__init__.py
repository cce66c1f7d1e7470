"""Minutes and network records in every format; `minutes` builds what they all render."""
