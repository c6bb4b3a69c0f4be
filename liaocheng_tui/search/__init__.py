"""Search: a Whoosh index over the archive's articles, with jieba analysis.

Never imports Textual or the UI.
"""
