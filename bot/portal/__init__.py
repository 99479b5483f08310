"""The therapist portal: accounts and sessions (``accounts``), the web application (``app``).

Therapists are the third group this bot serves. The portal is server-rendered HTML that works
without JavaScript, on its own port (``PORTAL_PORT``), bound to loopback like every other part.
"""
