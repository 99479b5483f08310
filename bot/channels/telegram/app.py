"""Wiring in one place: build_application() and main() (long polling, or a webhook with a secret)."""

from __future__ import annotations

import asyncio
import logging
import re
import sys
from urllib.parse import urlparse

from telegram import BotCommand, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot import config
from bot.channels import guard
from bot.channels.telegram import check_backs, content, handlers, reminders
from bot.channels.telegram.assistant import Assistant
from bot.channels.telegram.conversation import BRIDGE, Bridge
from bot.channels.telegram.limits import RateLimiter

logger = logging.getLogger(__name__)

# New messages in private chats only: edited messages are ignored (Rasa's connector retried them endlessly).
PRIVATE_MESSAGE = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
# What Telegram is asked to send: no edited messages at all.
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.MY_CHAT_MEMBER, Update.CHANNEL_POST]
SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what Telegram accepts as a secret_token

CHECK_BACK_TASK = "check_back_task"

COMMANDS = {
    "start": handlers.on_start,
    "menu": handlers.on_menu,
    "help": handlers.on_help,
    "sos": handlers.on_sos,
    "plan": handlers.on_plan,
    "mydata": handlers.on_mydata,
    "delete": handlers.on_delete,
    "checkback": handlers.on_checkback,
}


def build_application(settings: config.Settings) -> Application:
    """The bot: the python-telegram-bot Application with every handler, talking to ``settings.rasa_url``."""
    builder = (
        Application.builder()
        .token(settings.telegram_bot_token)
        .concurrent_updates(True)  # many people at once; each chat stays in order (ChatLocks)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    if settings.telegram_api_base_url:
        base = settings.telegram_api_base_url.rstrip("/")
        builder = builder.base_url(f"{base}/bot").base_file_url(f"{base}/file/bot")
    application = builder.build()
    application.bot_data[BRIDGE] = Bridge(
        assistant=Assistant(settings.rasa_url),
        rate_limiter=RateLimiter(settings.telegram_rate_limit_per_minute),
    )
    _add_handlers(application)
    return application


def _add_handlers(application: Application) -> None:
    # Group -1 runs first: nothing from a group or channel reaches the other handlers.
    application.add_handler(MessageHandler(~filters.ChatType.PRIVATE, handlers.on_group), group=-1)
    application.add_handler(ChatMemberHandler(handlers.on_membership, ChatMemberHandler.MY_CHAT_MEMBER), group=-1)
    for name, callback in COMMANDS.items():
        application.add_handler(CommandHandler(name, callback, filters=PRIVATE_MESSAGE))
    application.add_handler(MessageHandler(PRIVATE_MESSAGE & filters.COMMAND, handlers.on_unknown_command))
    application.add_handler(MessageHandler(PRIVATE_MESSAGE & filters.TEXT, handlers.on_text))
    # Service messages (a pin, a changed background) are not the person speaking: no reply.
    application.add_handler(
        MessageHandler(PRIVATE_MESSAGE & ~filters.TEXT & ~filters.StatusUpdate.ALL, handlers.on_not_text)
    )
    application.add_handler(CallbackQueryHandler(handlers.on_delete_answer, pattern=handlers.DELETE_ANSWERS))
    application.add_handler(CallbackQueryHandler(handlers.on_button))
    application.add_error_handler(handlers.on_error)


async def _post_init(application: Application) -> None:
    """Register the command menu people see in Telegram, and load the risk detector's language model."""
    commands = [BotCommand(name, description) for name, description in content.command_descriptions().items()]
    await application.bot.set_my_commands(commands)
    # The first screening loads spaCy (seconds): done here, off the event loop, not on someone's first message.
    await asyncio.to_thread(guard.screen, "hello")
    application.bot_data[CHECK_BACK_TASK] = asyncio.create_task(_send_due_forever(application.bot))


async def _send_due_forever(bot) -> None:
    """Send due check-backs and homework reminders every CHECK_BACK_SWEEP_SECONDS until cancelled."""
    while True:
        for send_due in (check_backs.send_due, reminders.send_due):
            try:
                await send_due(bot)
            except Exception:  # noqa: BLE001 - the loop must survive a database hiccup
                logger.exception("Sending due messages failed; trying again later.")
        await asyncio.sleep(config.settings().check_back_sweep_seconds)


async def _post_shutdown(application: Application) -> None:
    task = application.bot_data.pop(CHECK_BACK_TASK, None)
    if task is not None:
        task.cancel()
    await application.bot_data[BRIDGE].assistant.close()


def configuration_problem(settings: config.Settings) -> str | None:
    """Why the bridge cannot start with these settings, in words for the operator; None if it can."""
    if not settings.telegram_bot_token:
        return "TELEGRAM_BOT_TOKEN is not set. Create a bot with @BotFather and put its token in the environment."
    if not settings.telegram_webhook_url:
        return None
    if not settings.telegram_webhook_secret:
        return (
            "TELEGRAM_WEBHOOK_URL is set but TELEGRAM_WEBHOOK_SECRET is not. Without a secret anyone could post "
            "fake updates to the webhook, so webhook mode refuses to start. Set TELEGRAM_WEBHOOK_SECRET "
            "(1-256 characters: letters, digits, _ and -), e.g. `openssl rand -hex 32`, or unset "
            "TELEGRAM_WEBHOOK_URL to use long polling."
        )
    if not SECRET_TOKEN.fullmatch(settings.telegram_webhook_secret):
        return "TELEGRAM_WEBHOOK_SECRET may only hold 1-256 letters, digits, _ and - (Telegram's rule)."
    if urlparse(settings.telegram_webhook_url).scheme != "https" and not settings.telegram_api_base_url:
        return "TELEGRAM_WEBHOOK_URL must start with https:// (Telegram only delivers webhooks over TLS)."
    return None


# httpx logs every request URL, and Bot API URLs contain the bot's token; python-telegram-bot logs
# whole updates (what people wrote, their chat ids) at DEBUG. Neither may reach the logs.
QUIET_LOGGERS = {"httpx": logging.WARNING, "telegram": logging.INFO}


def configure_logging() -> None:
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=logging.INFO)
    for name, level in QUIET_LOGGERS.items():
        logging.getLogger(name).setLevel(level)


def main() -> int:
    """Run the Telegram bridge until interrupted: long polling, or a webhook if TELEGRAM_WEBHOOK_URL is set."""
    configure_logging()
    settings = config.settings()
    problem = configuration_problem(settings)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    application = build_application(settings)
    if settings.telegram_webhook_url:
        logger.info("Receiving updates by webhook on port %d.", settings.telegram_webhook_port)
        application.run_webhook(
            # Loopback unless BIND_ADDRESS says otherwise: the operator's TLS proxy forwards to it.
            listen=settings.bind_address,
            port=settings.telegram_webhook_port,
            url_path=urlparse(settings.telegram_webhook_url).path.lstrip("/"),
            webhook_url=settings.telegram_webhook_url,
            secret_token=settings.telegram_webhook_secret,
            allowed_updates=ALLOWED_UPDATES,
        )
    else:
        logger.info("Receiving updates by long polling; the assistant is at %s.", settings.rasa_url)
        application.run_polling(allowed_updates=ALLOWED_UPDATES)
    return 0
