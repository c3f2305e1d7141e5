"""Extraction of facts from plan documents of the genre, as a pipeline of stages.

document (``reader``) → segments (``segments``: headings, items, sentences, tables)
→ mentions (``mentions``) → resolved mentions (``resolve``: places, names) → facts
(``assemble``; the model is ``facts``).
"""
