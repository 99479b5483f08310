"""The web chat: an embeddable widget (static/) and the small server that serves it (server.py).

The widget talks to Rasa's Socket.IO channel directly; this server only hands out the
page and the files, the crisis lines (without a round trip to the model) and erasure.
"""
