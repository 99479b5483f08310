"""Channels: where people meet the bot (REST, Socket.IO web chat, Telegram)."""
