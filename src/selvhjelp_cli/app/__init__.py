"""The second door: `selvhjelp app`, the toolkit as a web app on the person's own machine.

Like cli/ it holds no domain logic: pages.py turns forms into calls of the same
functions the commands call (editing/, documents/, rules/, offices/, places/)
and renders the answers; guard.py is what stands between the browser and the
group files; server.py starts and stops it on 127.0.0.1.
"""
