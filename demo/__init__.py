"""Demo content for `manage.py load_demo`. One module per area; each adds its own pages.

Everything here is written for this project. Images are drawn by `images.py`,
so nothing is downloaded.
"""
