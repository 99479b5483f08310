"""The Telegram handlers: commands, typed text, button presses, everything else, and errors.

Each handler is ``async def handler(update, context)``; they are wired in app.py.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import traceback

from telegram import ChatMember, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.channels import guard
from bot.channels.telegram import check_backs, content
from bot.channels.telegram.conversation import bridge_of, converse, crisis_first, gate, send_sos, sender_of
from bot.channels.telegram.delivery import INTERNAL, OPEN_KEYBOARD, deliver, payload_of, retire_keyboard
from bot.homework import code_in
from bot.privacy import erase_person, export_person
from bot.safety import check_back

logger = logging.getLogger(__name__)

DELETE_YES, DELETE_NO = INTERNAL + "delete:yes", INTERNAL + "delete:no"
DELETE_ANSWERS = f"^{re.escape(INTERNAL)}delete:"


async def on_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start, maybe with a therapist's homework code from a deep link: the code is opened, else "hi"."""
    screening = await gate(update, context, update.message.text)
    if screening is None:
        return
    given = context.args[0] if context.args else None
    code = code_in(given) if given is not None and len(given) <= 64 else None
    before = (content.say("homework_code_invalid"),) if given is not None and code is None else ()
    # The code travels as words, as if typed, so it is read the same way on every channel.
    async with bridge_of(context).locks.hold(update.effective_chat.id):
        await converse(update, context, screening, forward=f"my code is {code}" if code else "hi", before=before)


async def on_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help: the assistant's "what is this", then the commands."""
    screening = await gate(update, context, update.message.text)
    if screening is not None:
        async with bridge_of(context).locks.hold(update.effective_chat.id):
            await converse(update, context, screening, forward="what is this", after=(content.say("help"),))


async def on_menu(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/menu: the assistant's menu."""
    screening = await gate(update, context, update.message.text)
    if screening is not None:
        async with bridge_of(context).locks.hold(update.effective_chat.id):
            await converse(update, context, screening, forward="menu")


async def on_sos(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/sos: crisis lines at once, from the channel guard, without the assistant."""
    await send_sos(update, context)


async def on_plan(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/plan: the person's saved safety plan, from the channel guard, without the model."""
    screening = await gate(update, context, update.message.text)
    if screening is not None:
        async with bridge_of(context).locks.hold(update.effective_chat.id):
            await converse(update, context, screening, forward=update.message.text)


async def on_checkback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/checkback plans one short message tomorrow; /checkback off cancels it."""
    screening = await gate(update, context, update.message.text)
    if screening is None:
        return
    if screening.lines_if_unanswered is not None:
        async with bridge_of(context).locks.hold(update.effective_chat.id):
            await converse(update, context, screening, forward=update.message.text)
        return
    choice = (context.args or ["on"])[0].lower()
    if choice not in ("on", "off"):
        await context.bot.send_message(update.effective_chat.id, content.say("check_back_usage"))
        return
    if choice == "on":
        await asyncio.to_thread(check_backs.request, sender_of(update), update.effective_chat.id)
        said = check_back.words()["planned"]
    else:
        cancelled = await asyncio.to_thread(check_backs.cancel, sender_of(update))
        said = content.say("check_back_cancelled" if cancelled else "check_back_none")
    await context.bot.send_message(update.effective_chat.id, said)


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A typed message: to the assistant, in order."""
    screening = await gate(update, context, update.message.text)
    if screening is not None:
        async with bridge_of(context).locks.hold(update.effective_chat.id):
            await converse(update, context, screening, forward=update.message.text)


async def on_unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command we don't have: say so and list ours (never forwarded: Rasa reads "/x" as an intent)."""
    screening = await gate(update, context, update.message.text)
    if screening is not None:
        async with bridge_of(context).locks.hold(update.effective_chat.id):
            await converse(update, context, screening, forward=None,
                           after=(content.say("unknown_command"), content.say("help")))


async def on_not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A sticker, voice note, photo, file or location: a kind explanation (a caption is screened)."""
    screening = await gate(update, context, update.message.caption or "")
    if screening is not None:
        async with bridge_of(context).locks.hold(update.effective_chat.id):
            await converse(update, context, screening, forward=None, after=(content.say("non_text"),))


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A press on one of the assistant's buttons: handled as if its payload had been typed."""
    query = update.callback_query
    payload = payload_of(query.data or "", context.chat_data)
    if payload is None:
        await query.answer()
        await retire_keyboard(context.bot, update.effective_chat.id, query.message.message_id)
        await context.bot.send_message(update.effective_chat.id, content.say("button_expired"))
        return
    screening = await gate(update, context, payload)
    if screening is None:
        await query.answer()
        return
    async with bridge_of(context).locks.hold(update.effective_chat.id):
        await query.answer()
        await _retire_pressed(update, context)
        await converse(update, context, screening, forward=payload)


async def _retire_pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message_id = update.callback_query.message.message_id
    if context.chat_data.get(OPEN_KEYBOARD) == message_id:
        del context.chat_data[OPEN_KEYBOARD]
    await retire_keyboard(context.bot, update.effective_chat.id, message_id)


async def on_mydata(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/mydata: everything stored about the person, as a JSON file."""
    screening = await gate(update, context, update.message.text)
    if screening is None:
        return
    chat_id, sender = update.effective_chat.id, sender_of(update)
    async with bridge_of(context).locks.hold(chat_id):
        await deliver(context.bot, chat_id, await crisis_first(screening, update), context.chat_data)
        data = await asyncio.to_thread(export_person, sender)
        document = json.dumps(data, indent=2, ensure_ascii=False).encode()
        caption = content.say("export_caption")
        await context.bot.send_document(chat_id, document, filename="my-data.json", caption=caption)


async def on_delete(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/delete: ask for confirmation with Yes/No buttons."""
    screening = await gate(update, context, update.message.text)
    if screening is None:
        return
    chat_id = update.effective_chat.id
    buttons = InlineKeyboardMarkup([
        [InlineKeyboardButton(content.say("delete_yes"), callback_data=DELETE_YES)],
        [InlineKeyboardButton(content.say("delete_no"), callback_data=DELETE_NO)],
    ])
    async with bridge_of(context).locks.hold(chat_id):
        await deliver(context.bot, chat_id, await crisis_first(screening, update), context.chat_data)
        sent = await context.bot.send_message(chat_id, content.say("delete_confirm"), reply_markup=buttons)
        context.chat_data[OPEN_KEYBOARD] = sent.message_id


async def on_delete_answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The Yes/No of /delete: erase everything (our database and the conversation), or nothing."""
    query = update.callback_query
    chat_id = update.effective_chat.id
    async with bridge_of(context).locks.hold(chat_id):
        await query.answer()
        await _retire_pressed(update, context)
        if query.data != DELETE_YES:
            await context.bot.send_message(chat_id, content.say("delete_cancelled"))
            return
        erased = await asyncio.to_thread(erase_person, sender_of(update))
        context.chat_data.clear()
        await context.bot.send_message(chat_id, content.say("deleted" if erased else "nothing_to_delete"))


async def on_group(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any message in a group or channel: decline once, kindly, and leave."""
    await _decline_and_leave(update.effective_chat.id, context)
    raise ApplicationHandlerStop


async def on_membership(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Added to a group or channel: decline and leave before anyone writes."""
    change = update.my_chat_member
    joined = change.new_chat_member.status in (ChatMember.MEMBER, ChatMember.ADMINISTRATOR)
    if joined and change.chat.type != ChatType.PRIVATE:
        await _decline_and_leave(change.chat.id, context)


async def _decline_and_leave(chat_id: int, context: ContextTypes.DEFAULT_TYPE) -> None:
    declined = bridge_of(context).declined_chats
    if chat_id in declined:
        return
    declined.add(chat_id)
    try:
        await context.bot.send_message(chat_id, content.say("group_decline"))
    except TelegramError:
        logger.info("Could not post the decline in a group or channel (no right to write); leaving anyway.")
    await context.bot.leave_chat(chat_id)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The one error handler: log where it failed (never the person's words), tell them kindly."""
    error = context.error
    # The exception's message may quote what the person wrote, so only its type and the frames are logged.
    frames = "".join(traceback.format_tb(error.__traceback__)) if error else ""
    logger.error("Handling an update failed with %s.\n%s", type(error).__name__, frames)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    if update.effective_chat.type != ChatType.PRIVATE:
        return
    try:
        if update.callback_query is not None:
            await update.callback_query.answer()
    except TelegramError:
        pass  # already answered before the failure
    try:
        await context.bot.send_message(update.effective_chat.id, guard.TROUBLE)
    except TelegramError:
        logger.warning("Could not tell the person that something went wrong.")
