/*
 * The web chat widget of the estrangement companion. Plain JavaScript, no framework.
 *
 * Embed it with one tag; it loads its stylesheet and the vendored socket.io client from
 * the folder it was served from:
 *
 *   <script src="https://chat.example.org/static/widget.js"
 *           data-server-url="https://bot.example.org"    Rasa (its Socket.IO channel)
 *           data-api-url="https://chat.example.org"      this web chat server (default: where widget.js came from)
 *           data-title="Companion"
 *           data-primary-color="#1d4e89"                 header, buttons, your messages (#rgb or #rrggbb)
 *           data-background-color="#ffffff"              the conversation's background
 *           data-greeting-language="en"                  en, es, fr or de (the companion itself answers in English)
 *           data-greeting="..."                          your own greeting instead of the built-in one
 *           data-max-message-chars="2000"                the server's limit (MAX_MESSAGE_CHARS)
 *           data-open="true"></script>                    open the chat when the page loads
 *
 * Bot and person text is only ever shown with textContent, never as HTML.
 *
 * "Get help now" asks the web chat server for the lines of the person's country (/api/sos).
 * For when that fails, the widget fetches the emergency numbers and international lines from
 * the same server's hotline data (/api/lines) as it loads, and keeps them in localStorage.
 */
(function () {
  "use strict";

  const script = document.currentScript;
  if (!script || window.__estrangementCompanionWidget) {
    return;
  }
  window.__estrangementCompanionWidget = true;

  const SESSION_ID = /^[A-Za-z0-9_-]{8,64}$/;
  const HISTORY_LIMIT = 300;
  const COUNTER_FROM = 200; // show the counter this many characters before the limit
  const TYPING_TIMEOUT_MS = 30000;
  const SOS_TIMEOUT_MS = 8000;
  const MAX_FALLBACK_ITEMS = 20; // more numbers or lines than this in /api/lines is not ours

  const GREETINGS = {
    en: {
      text: "Hello. This is a quiet place to think things through, at your own pace. Say hello whenever you're ready.",
      button: "Hello",
    },
    es: {
      text: "Hola. Este es un lugar tranquilo para pensar las cosas a tu ritmo. Saluda cuando quieras empezar. " +
        "(El acompañante responde en inglés.)",
      button: "Hola",
    },
    fr: {
      text: "Bonjour. Ici, vous pouvez réfléchir à votre rythme. Dites bonjour quand vous êtes prêt ou prête. " +
        "(Le compagnon répond en anglais.)",
      button: "Bonjour",
    },
    de: {
      text: "Hallo. Hier können Sie in Ruhe und in Ihrem Tempo nachdenken. Sagen Sie Hallo, wenn Sie bereit sind. " +
        "(Der Begleiter antwortet auf Englisch.)",
      button: "Hallo",
    },
  };

  const TEXT = {
    openChat: "Self-help chat",
    helpNow: "Get help now",
    quickExit: "Quick exit",
    quickExitLabel: "Quick exit: leave this page at once and clear the chat from this screen",
    options: "Options",
    startOver: "Start over",
    downloadData: "Download my data",
    downloadFailed: "We couldn't gather your data just now. Please try again in a moment.",
    deleteData: "Delete my data",
    close: "Close chat",
    conversation: "Conversation",
    yourMessage: "Your message",
    inputHint: "Enter sends. Shift and Enter starts a new line.",
    send: "Send",
    youSaid: "You said:",
    waiting: "Waiting to send",
    typing: "is typing",
    connecting: "Connecting…",
    down: "We can't reach the chat service right now. We'll keep trying. Anything you write is kept here " +
      "and sent as soon as we're back. If you need help now, press “Get help now”.",
    noClient: "The chat couldn't load on this page. “Get help now” still works.",
    tooLong: (limit) => `That's more than I can take in one message (${limit} characters). ` +
      "Could you send it in smaller parts? Everything you wrote is still in the box.",
    counter: (used, limit) => `${used} of ${limit} characters`,
    helpTitle: "Help right now",
    helpLoading: "Looking up the lines for your country…",
    helpDanger: "If you are in danger right now, call your local emergency number.",
    // Shown when neither the lines for the person's country nor the kept ones could be loaded:
    // no numbers here, since a number from memory could be the wrong one for where they are.
    helpFallback: "We couldn't load the crisis lines just now. If you are in danger, please call your local " +
      "emergency number. You can find a free, confidential helpline for your country at findahelpline.com.",
    helpLink: "Find a helpline at findahelpline.com",
    helpKeptIntro: "We couldn't load the lines for your country just now, but these can help.",
    helpNumbers: "Emergency numbers:",
    helpNumber: (places, number) => `• ${places}: ${number}`,
    helpOtherLines: "You can also talk to someone here:",
    closeHelp: "Close",
    deleteTitle: "Delete my data?",
    deleteBody: "This deletes everything the companion keeps about you: your answers, your saved reflections " +
      "and this conversation. It can't be undone.",
    deleteConfirm: "Yes, delete my data",
    deleting: "Deleting…",
    cancel: "Cancel",
    deleteFailed: "We couldn't delete your data just now. Nothing has changed. Please try again in a moment.",
    deleted: "Your data has been deleted. This is a new conversation.",
    startedOver: "You've started a new conversation.",
    imageAlt: "An image from the companion",
    openHomework: "Open my homework",
    homeworkLink: "You followed a link with something your therapist suggested.",
  };

  const data = script.dataset;
  const scriptUrl = new URL(script.src, document.baseURI);
  const config = {
    serverUrl: trimSlash(data.serverUrl || "http://localhost:5005"),
    socketPath: data.socketPath || "/socket.io",
    apiUrl: trimSlash(data.apiUrl || scriptUrl.origin),
    assetsUrl: new URL(".", scriptUrl).href,
    title: data.title || "Companion",
    primaryColor: hexColor(data.primaryColor) || "#1d4e89",
    backgroundColor: hexColor(data.backgroundColor) || "#ffffff",
    greeting: GREETINGS[(data.greetingLanguage || "en").toLowerCase()] ? (data.greetingLanguage || "en").toLowerCase() : "en",
    greetingText: data.greeting || "",
    maxChars: positiveInteger(data.maxMessageChars) || 2000,
    startOpen: data.open === "true",
    // Where "Quick exit" goes: an ordinary page that draws no attention (https only).
    exitUrl: /^https:\/\//.test(data.exitUrl || "") ? data.exitUrl : "https://www.bbc.co.uk/weather",
    // A therapist's homework link (…/?code=AB3D5F7H): offered as a button, never sent unasked.
    homeworkCode: homeworkCodeIn(window.location.search),
  };

  const keys = {
    session: `ecw:session:${config.serverUrl}`,
    open: `ecw:open:${config.serverUrl}`,
    history: (id) => `ecw:history:${id}`,
    draft: (id) => `ecw:draft:${id}`,
    fallback: `ecw:lines:${config.apiUrl}`,
  };

  // ----- small helpers ---------------------------------------------------------------

  function trimSlash(url) {
    return String(url).replace(/\/+$/, "");
  }

  function hexColor(value) {
    return /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value || "") ? value : "";
  }

  function homeworkCodeIn(search) {
    // The same alphabet as the codes the portal makes (no 0/O, 1/I/L); anything else is ignored.
    const code = new URLSearchParams(search || "").get("code") || "";
    return /^[A-HJKMNP-Z2-9]{8}$/i.test(code) ? code.toUpperCase() : "";
  }

  function positiveInteger(value) {
    const number = Number.parseInt(value, 10);
    return Number.isFinite(number) && number > 0 ? number : 0;
  }

  function characters(text) {
    // Code points, as the server counts them (Python's len), not UTF-16 units.
    return Array.from(text).length;
  }

  function read(storage, key) {
    try {
      return window[storage].getItem(key);
    } catch (error) {
      return null; // storage disabled: the widget still works, it just forgets on reload
    }
  }

  function write(storage, key, value) {
    try {
      if (value === null) {
        window[storage].removeItem(key);
      } else {
        window[storage].setItem(key, value);
      }
    } catch (error) {
      // Full or disabled storage must never stop a conversation.
    }
  }

  function newSessionId() {
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  }

  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === false || value === null || value === undefined) {
        continue;
      }
      if (name === "text") {
        node.textContent = value;
      } else if (name === "className") {
        node.className = value;
      } else {
        node.setAttribute(name, value === true ? "" : value);
      }
    }
    for (const child of children || []) {
      node.append(child);
    }
    return node;
  }

  function relativeLuminance(hex) {
    const full = hex.length === 4 ? "#" + [...hex.slice(1)].map((c) => c + c).join("") : hex;
    const channels = [1, 3, 5].map((start) => Number.parseInt(full.slice(start, start + 2), 16) / 255);
    const linear = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
  }

  function contrast(first, second) {
    const [light, dark] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
  }

  function readableOn(background) {
    return contrast(background, "#ffffff") >= contrast(background, "#111111") ? "#ffffff" : "#111111";
  }

  function clockTime(iso) {
    const date = new Date(iso);
    const time = date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    if (date.toDateString() === new Date().toDateString()) {
      return time;
    }
    return `${date.toLocaleDateString([], { day: "numeric", month: "short" })}, ${time}`;
  }

  function safeLinkUrl(value) {
    if (typeof value !== "string") {
      return "";
    }
    try {
      const url = new URL(value);
      return url.protocol === "https:" ? url.href : "";
    } catch (error) {
      return "";
    }
  }

  function listOf(words) {
    try {
      return new Intl.ListFormat("en", { type: "conjunction" }).format(words);
    } catch (error) {
      return words.join(", ");
    }
  }

  function sentence(text) {
    const trimmed = text.trim().replace(/[.\s]+$/, "");
    return trimmed ? `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.` : "";
  }

  function safeImageUrl(value) {
    if (typeof value !== "string" || !value) {
      return "";
    }
    try {
      const url = new URL(value, document.baseURI);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : "";
    } catch (error) {
      return "";
    }
  }

  // ----- state -----------------------------------------------------------------------

  const state = {
    sessionId: "",
    history: [], // {id, who: "bot"|"user"|"system", text, time, lang?, image?, replies?, answered?, payload?, pending?}
    nextId: 1,
    socket: null,
    confirmed: false,
    clientMissing: false,
    started: false,
    typingTimer: 0,
    dialog: null,
    fallback: null, // {numbers, lines, note}: the emergency numbers and international lines from /api/lines
    fallbackRequest: null,
  };
  const nodes = new Map(); // entry id -> its element in the log

  function loadSession() {
    const stored = read("localStorage", keys.session);
    state.sessionId = stored && SESSION_ID.test(stored) ? stored : newSessionId();
    write("localStorage", keys.session, state.sessionId);
    try {
      const saved = JSON.parse(read("sessionStorage", keys.history(state.sessionId)) || "[]");
      state.history = Array.isArray(saved) ? saved.filter((entry) => entry && typeof entry === "object") : [];
    } catch (error) {
      state.history = [];
    }
    state.nextId = state.history.reduce((max, entry) => Math.max(max, Number(entry.id) || 0), 0) + 1;
  }

  function saveHistory() {
    state.history = state.history.slice(-HISTORY_LIMIT);
    write("sessionStorage", keys.history(state.sessionId), JSON.stringify(state.history));
  }

  // ----- the DOM ---------------------------------------------------------------------

  const ids = {
    panel: "ecw-panel",
    title: "ecw-title",
    options: "ecw-options",
    input: "ecw-input",
    hint: "ecw-hint",
    counter: "ecw-counter",
    note: "ecw-note",
  };

  const ui = {};

  function build() {
    const onPrimary = readableOn(config.primaryColor);
    const root = element("div", { className: "ecw-root", lang: "en", hidden: true });
    root.style.setProperty("--ecw-primary", config.primaryColor);
    root.style.setProperty("--ecw-on-primary", onPrimary);
    root.style.setProperty("--ecw-background", config.backgroundColor);
    root.style.setProperty("--ecw-on-background", readableOn(config.backgroundColor));
    // The focus ring must stand out on the page; the primary colour only if it is dark enough.
    root.style.setProperty(
      "--ecw-focus",
      contrast(config.primaryColor, config.backgroundColor) >= 3 ? config.primaryColor : readableOn(config.backgroundColor),
    );

    ui.helpLauncher = element("button", { type: "button", className: "ecw-button ecw-help-button", text: TEXT.helpNow });
    ui.launcher = element("button", {
      type: "button",
      className: "ecw-button ecw-launcher",
      "aria-controls": ids.panel,
      "aria-expanded": "false",
      text: TEXT.openChat,
    });
    ui.exitLauncher = quickExitButton();
    ui.launchers = element("div", { className: "ecw-launchers" }, [ui.helpLauncher, ui.exitLauncher, ui.launcher]);

    ui.helpButton = element("button", { type: "button", className: "ecw-button ecw-help-button", text: TEXT.helpNow });
    ui.optionsButton = element("button", {
      type: "button",
      className: "ecw-button ecw-header-button",
      "aria-expanded": "false",
      "aria-controls": ids.options,
      text: TEXT.options,
    });
    ui.closeButton = element("button", {
      type: "button",
      className: "ecw-button ecw-header-button ecw-close",
      "aria-label": TEXT.close,
      text: "✕",
    });
    ui.startOverButton = element("button", { type: "button", className: "ecw-button ecw-option", text: TEXT.startOver });
    ui.downloadButton = element("button", { type: "button", className: "ecw-button ecw-option", text: TEXT.downloadData });
    ui.deleteButton = element("button", { type: "button", className: "ecw-button ecw-option", text: TEXT.deleteData });
    ui.options = element("div", { id: ids.options, className: "ecw-options", hidden: true }, [
      ui.startOverButton,
      ui.downloadButton,
      ui.deleteButton,
    ]);
    const header = element("div", { className: "ecw-header" }, [
      element("h2", { id: ids.title, className: "ecw-title", text: config.title }),
      element("div", { className: "ecw-header-actions" }, [
        ui.helpButton,
        (ui.exitButton = quickExitButton()),
        ui.optionsButton,
        ui.closeButton,
      ]),
    ]);

    ui.status = element("p", { className: "ecw-status", role: "status" });
    ui.log = element("div", {
      className: "ecw-log",
      role: "log",
      "aria-live": "polite",
      "aria-label": TEXT.conversation,
      tabindex: "0",
    });
    ui.typing = element("div", { className: "ecw-typing", hidden: true }, [
      element("span", { className: "ecw-sr-only", text: `${config.title} ${TEXT.typing}` }),
      element("span", { className: "ecw-dot", "aria-hidden": "true" }),
      element("span", { className: "ecw-dot", "aria-hidden": "true" }),
      element("span", { className: "ecw-dot", "aria-hidden": "true" }),
    ]);

    ui.input = element("textarea", {
      id: ids.input,
      className: "ecw-input",
      rows: "2",
      autocomplete: "off",
      "aria-describedby": `${ids.hint} ${ids.counter} ${ids.note}`,
    });
    ui.sendButton = element("button", { type: "submit", className: "ecw-button ecw-send", text: TEXT.send });
    ui.counter = element("p", { id: ids.counter, className: "ecw-counter", hidden: true });
    ui.note = element("p", { id: ids.note, className: "ecw-note", role: "status" });
    ui.form = element("form", { className: "ecw-composer", novalidate: true }, [
      element("label", { for: ids.input, className: "ecw-sr-only", text: TEXT.yourMessage }),
      element("p", { id: ids.hint, className: "ecw-sr-only", text: TEXT.inputHint }),
      element("div", { className: "ecw-composer-row" }, [ui.input, ui.sendButton]),
      ui.counter,
      ui.note,
    ]);

    ui.panel = element("section", { id: ids.panel, className: "ecw-panel", "aria-labelledby": ids.title, hidden: true }, [
      header,
      ui.options,
      ui.status,
      element("div", { className: "ecw-log-wrap" }, [ui.log, ui.typing]),
      ui.form,
    ]);
    ui.root = root;
    root.append(ui.launchers, ui.panel);
    document.body.append(root);
    wire();
  }

  function quickExitButton() {
    return element("button", {
      type: "button",
      className: "ecw-button ecw-exit-button",
      "aria-label": TEXT.quickExitLabel,
      text: TEXT.quickExit,
    });
  }

  // Someone may be watching: clear what this tab shows and keeps, then leave for an ordinary
  // page, replacing this one so that "Back" does not return to the chat.
  function quickExit() {
    ui.log.replaceChildren();
    ui.input.value = "";
    ui.panel.hidden = true;
    write("sessionStorage", keys.history(state.sessionId), null);
    write("sessionStorage", keys.draft(state.sessionId), null);
    write("sessionStorage", keys.open, null);
    window.location.replace(config.exitUrl);
  }

  function wire() {
    ui.exitButton.addEventListener("click", quickExit);
    ui.exitLauncher.addEventListener("click", quickExit);
    ui.launcher.addEventListener("click", () => openPanel());
    ui.helpLauncher.addEventListener("click", () => {
      openPanel({ focusInput: false });
      showHelp(ui.helpButton);
    });
    ui.helpButton.addEventListener("click", () => showHelp(ui.helpButton));
    ui.closeButton.addEventListener("click", closePanel);
    ui.optionsButton.addEventListener("click", () => toggleOptions());
    ui.startOverButton.addEventListener("click", () => {
      toggleOptions(false);
      startOver(TEXT.startedOver);
      ui.input.focus();
    });
    ui.downloadButton.addEventListener("click", () => {
      toggleOptions(false);
      downloadData();
    });
    ui.deleteButton.addEventListener("click", () => {
      toggleOptions(false);
      confirmDeletion(ui.optionsButton);
    });
    ui.form.addEventListener("submit", (event) => {
      event.preventDefault();
      submitTyped();
    });
    ui.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submitTyped();
      }
    });
    ui.input.addEventListener("input", () => {
      write("sessionStorage", keys.draft(state.sessionId), ui.input.value || null);
      updateCounter();
    });
    ui.panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !ui.options.hidden) {
        toggleOptions(false);
        ui.optionsButton.focus();
      }
    });
  }

  // ----- opening and closing ---------------------------------------------------------

  function openPanel({ focusInput = true } = {}) {
    ui.panel.hidden = false;
    ui.launchers.hidden = true;
    ui.launcher.setAttribute("aria-expanded", "true");
    write("sessionStorage", keys.open, "1");
    start();
    scrollToEnd();
    if (focusInput) {
      ui.input.focus();
    }
  }

  function closePanel() {
    ui.panel.hidden = true;
    ui.launchers.hidden = false;
    ui.launcher.setAttribute("aria-expanded", "false");
    write("sessionStorage", keys.open, null);
    ui.launcher.focus();
  }

  function toggleOptions(show) {
    const open = show === undefined ? ui.options.hidden : show;
    ui.options.hidden = !open;
    ui.optionsButton.setAttribute("aria-expanded", String(open));
    if (open) {
      ui.startOverButton.focus();
    }
  }

  // ----- the conversation, on screen -------------------------------------------------

  function addEntry(fields) {
    const entry = { id: state.nextId++, time: new Date().toISOString(), ...fields };
    state.history.push(entry);
    saveHistory();
    ui.log.append(renderEntry(entry));
    scrollToEnd();
    return entry;
  }

  function renderEntry(entry) {
    const pending = entry.pending ? " ecw-message--pending" : "";
    const item = element("div", { className: `ecw-message ecw-message--${entry.who}${pending}`, "data-entry": entry.id });
    if (entry.who === "system") {
      item.append(element("p", { className: "ecw-system", text: entry.text }));
      nodes.set(entry.id, item);
      return item;
    }
    const bubble = element("div", { className: "ecw-bubble", lang: entry.lang || false });
    const speaker = entry.who === "user" ? TEXT.youSaid : `${config.title}:`;
    bubble.append(element("span", { className: "ecw-sr-only", text: `${speaker} ` }));
    if (entry.text) {
      bubble.append(element("p", { className: "ecw-text", text: entry.text }));
    }
    const imageUrl = safeImageUrl(entry.image && entry.image.src);
    if (imageUrl) {
      const image = element("img", { className: "ecw-image", alt: entry.image.alt || TEXT.imageAlt, loading: "lazy" });
      image.src = imageUrl;
      bubble.append(image);
    }
    item.append(bubble);
    const meta = element("p", { className: "ecw-meta" }, [
      element("time", { datetime: entry.time, text: clockTime(entry.time) }),
    ]);
    if (entry.pending) {
      meta.append(element("span", { className: "ecw-pending", text: ` · ${TEXT.waiting}` }));
    }
    item.append(meta);
    if (entry.replies && entry.replies.length) {
      item.append(renderReplies(entry));
    }
    nodes.set(entry.id, item);
    return item;
  }

  function renderReplies(entry) {
    const group = element("div", { className: "ecw-replies", role: "group", "aria-label": "Suggested replies" });
    for (const reply of entry.replies) {
      const chosen = entry.answered === reply.payload;
      const button = element("button", {
        type: "button",
        className: "ecw-button ecw-reply",
        disabled: Boolean(entry.answered),
        "aria-pressed": entry.answered ? String(chosen) : false,
        text: reply.title,
      });
      button.addEventListener("click", () => {
        answerReplies(entry, reply.payload);
        sendMessage(reply.title, reply.payload);
        ui.input.focus();
      });
      group.append(button);
    }
    return group;
  }

  function answerReplies(entry, payload) {
    entry.answered = payload;
    const old = nodes.get(entry.id);
    if (old) {
      const fresh = renderEntry(entry);
      old.replaceWith(fresh);
    }
  }

  function closeOpenReplies() {
    for (const entry of state.history) {
      if (entry.replies && entry.replies.length && !entry.answered) {
        answerReplies(entry, true); // answered by something typed: no button was chosen
      }
    }
  }

  function rerenderEntry(entry) {
    const old = nodes.get(entry.id);
    if (old) {
      old.replaceWith(renderEntry(entry));
    }
  }

  function renderHistory() {
    ui.log.replaceChildren();
    nodes.clear();
    for (const entry of state.history) {
      ui.log.append(renderEntry(entry));
    }
    scrollToEnd();
  }

  function scrollToEnd() {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function showTyping() {
    ui.typing.hidden = false;
    window.clearTimeout(state.typingTimer);
    state.typingTimer = window.setTimeout(hideTyping, TYPING_TIMEOUT_MS);
    scrollToEnd();
  }

  function hideTyping() {
    window.clearTimeout(state.typingTimer);
    ui.typing.hidden = true;
  }

  function greet() {
    const greeting = GREETINGS[config.greeting];
    const replies = [{ title: greeting.button, payload: "hi" }];
    if (config.homeworkCode) {
      replies.unshift({ title: TEXT.openHomework, payload: `my code is ${config.homeworkCode}` });
    }
    addEntry({
      who: "bot",
      lang: config.greetingText ? false : config.greeting,
      text: config.greetingText || greeting.text,
      replies,
    });
  }

  // ----- sending ---------------------------------------------------------------------

  function updateCounter() {
    const used = characters(ui.input.value);
    const over = used > config.maxChars;
    ui.counter.hidden = used < config.maxChars - COUNTER_FROM;
    ui.counter.textContent = TEXT.counter(used, config.maxChars);
    ui.counter.classList.toggle("ecw-counter--over", over);
    ui.input.setAttribute("aria-invalid", String(over));
    if (!over) {
      ui.note.textContent = "";
    }
    return over;
  }

  function submitTyped() {
    const text = ui.input.value;
    if (!text.trim()) {
      return;
    }
    if (updateCounter()) {
      ui.note.textContent = TEXT.tooLong(config.maxChars);
      ui.input.focus();
      return;
    }
    sendMessage(text.trim(), text.trim());
    ui.input.value = "";
    write("sessionStorage", keys.draft(state.sessionId), null);
    updateCounter();
  }

  function sendMessage(shown, payload) {
    closeOpenReplies();
    addEntry({ who: "user", text: shown, payload, pending: true });
    flushQueue();
  }

  function connected() {
    return Boolean(state.socket && state.socket.connected && state.confirmed);
  }

  function flushQueue() {
    if (!connected()) {
      return;
    }
    let sent = false;
    for (const entry of state.history) {
      if (entry.who === "user" && entry.pending) {
        // The browser's language tag lets a crisis reply put that country's lines first until the
        // person has said where they are; nothing else about the browser is sent.
        state.socket.emit("user_uttered", {
          message: entry.payload || entry.text,
          session_id: state.sessionId,
          metadata: { language: (navigator.language || "").slice(0, 35) },
        });
        entry.pending = false;
        rerenderEntry(entry);
        sent = true;
      }
    }
    if (sent) {
      saveHistory();
      showTyping();
    }
  }

  // ----- receiving -------------------------------------------------------------------

  function repliesOf(message) {
    const raw = Array.isArray(message.quick_replies) && message.quick_replies.length ? message.quick_replies : message.buttons;
    if (!Array.isArray(raw)) {
      return [];
    }
    return raw
      .filter((reply) => reply && typeof reply.title === "string" && reply.title)
      .map((reply) => ({ title: reply.title, payload: typeof reply.payload === "string" ? reply.payload : reply.title }));
  }

  function imageOf(message) {
    const attachment = message.attachment;
    if (attachment && attachment.type === "image" && attachment.payload) {
      return { src: attachment.payload.src, alt: attachment.payload.alt || attachment.payload.title || "" };
    }
    if (typeof message.image === "string") {
      return { src: message.image, alt: message.alt || "" };
    }
    return null;
  }

  function receive(raw) {
    const message = typeof raw === "string" ? { text: raw } : raw || {};
    const text = typeof message.text === "string" ? message.text : "";
    const image = imageOf(message);
    const replies = repliesOf(message);
    if (!text && !image && !replies.length) {
      return; // e.g. a custom payload meant for other channels
    }
    hideTyping();
    addEntry({ who: "bot", text, image: image || undefined, replies: replies.length ? replies : undefined });
  }

  // ----- the connection --------------------------------------------------------------

  function setStatus(text) {
    if (ui.status.textContent !== text) {
      ui.status.textContent = text;
    }
    ui.status.classList.toggle("ecw-status--visible", Boolean(text));
  }

  function loadClient() {
    return new Promise((resolve, reject) => {
      const previous = window.io;
      const tag = element("script", { src: `${config.assetsUrl}vendor/socket.io.min.js`, async: true });
      tag.addEventListener("load", () => {
        const io = window.io;
        if (previous) {
          window.io = previous; // leave the host page's own socket.io alone
        }
        resolve(io);
      });
      tag.addEventListener("error", reject);
      document.head.append(tag);
    });
  }

  function start() {
    if (state.started) {
      return;
    }
    state.started = true;
    setStatus(TEXT.connecting);
    loadClient().then(connect, () => {
      state.clientMissing = true;
      setStatus(TEXT.noClient);
    });
  }

  function connect(io) {
    if (typeof io !== "function") {
      setStatus(TEXT.noClient);
      return;
    }
    const socket = io(config.serverUrl, {
      path: config.socketPath,
      // WebSocket only: it needs no CORS set-up on Rasa, unlike long-polling.
      transports: ["websocket"],
      reconnection: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 5000,
      timeout: 8000,
    });
    state.socket = socket;
    socket.on("connect", () => {
      state.confirmed = false;
      socket.emit("session_request", { session_id: state.sessionId });
    });
    socket.on("session_confirm", (sessionId) => {
      const confirmedId = typeof sessionId === "object" && sessionId ? sessionId.session_id : sessionId;
      if (confirmedId !== state.sessionId) {
        return; // an answer to a session we have since left
      }
      state.confirmed = true;
      setStatus("");
      flushQueue();
    });
    socket.on("bot_uttered", receive);
    socket.on("connect_error", () => {
      state.confirmed = false;
      hideTyping();
      setStatus(TEXT.down);
    });
    socket.on("disconnect", (reason) => {
      state.confirmed = false;
      hideTyping();
      setStatus(TEXT.down);
      if (reason === "io server disconnect") {
        socket.connect(); // the server closed us; socket.io only retries on its own for network losses
      }
    });
  }

  function startOver(notice) {
    write("sessionStorage", keys.history(state.sessionId), null);
    write("sessionStorage", keys.draft(state.sessionId), null);
    state.sessionId = newSessionId();
    write("localStorage", keys.session, state.sessionId);
    state.history = [];
    state.nextId = 1;
    ui.input.value = "";
    updateCounter();
    hideTyping();
    renderHistory();
    addEntry({ who: "system", text: notice });
    greet();
    if (state.socket) {
      // A new connection leaves the old session's room, so its replies stop arriving here.
      state.confirmed = false;
      state.socket.disconnect();
      state.socket.connect();
    }
  }

  // ----- dialogs: help now, delete my data -------------------------------------------

  function focusableIn(container) {
    return Array.from(
      container.querySelectorAll("button:not([disabled]), a[href], textarea, input, [tabindex]:not([tabindex='-1'])"),
    ).filter((node) => !node.closest("[hidden]"));
  }

  function openDialog(titleText, returnFocusTo) {
    closeDialog();
    const title = element("h2", { id: "ecw-dialog-title", className: "ecw-dialog-title", tabindex: "-1", text: titleText });
    const body = element("div", { className: "ecw-dialog-body" });
    const actions = element("div", { className: "ecw-dialog-actions" });
    const dialog = element(
      "div",
      { className: "ecw-dialog", role: "dialog", "aria-modal": "true", "aria-labelledby": "ecw-dialog-title" },
      [title, body, actions],
    );
    const backdrop = element("div", { className: "ecw-backdrop" }, [dialog]);
    backdrop.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        closeDialog();
      } else if (event.key === "Tab") {
        trapFocus(event, dialog);
      }
    });
    ui.panel.append(backdrop);
    state.dialog = { backdrop, returnFocusTo };
    title.focus();
    return { body, actions, dialog };
  }

  function trapFocus(event, dialog) {
    const focusable = focusableIn(dialog);
    if (!focusable.length) {
      event.preventDefault();
      return;
    }
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !dialog.contains(active) || active.id === "ecw-dialog-title")) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  }

  function closeDialog() {
    if (!state.dialog) {
      return;
    }
    const { backdrop, returnFocusTo } = state.dialog;
    state.dialog = null;
    backdrop.remove();
    if (returnFocusTo && document.contains(returnFocusTo) && !returnFocusTo.closest("[hidden]")) {
      returnFocusTo.focus();
    } else {
      ui.input.focus();
    }
  }

  function showHelp(returnFocusTo) {
    const { body, actions } = openDialog(TEXT.helpTitle, returnFocusTo);
    body.append(element("p", { className: "ecw-help-danger", text: TEXT.helpDanger }));
    const lines = element("div", { className: "ecw-help-lines", "aria-live": "polite", "aria-busy": "true" }, [
      element("p", { text: TEXT.helpLoading }),
    ]);
    body.append(lines);
    const close = element("button", { type: "button", className: "ecw-button ecw-primary", text: TEXT.closeHelp });
    close.addEventListener("click", closeDialog);
    actions.append(close);

    // Without kept fallback lines, ask for them now, alongside the person's own lines.
    const fallback = state.fallback ? Promise.resolve() : refreshFallback();
    fetchLines().then(
      (messages) => showLines(lines, messages),
      () => fallback.then(() => showLines(lines, null)),
    );
  }

  function fetchLines() {
    const controller = new AbortController();
    const timer = window.setTimeout(() => controller.abort(), SOS_TIMEOUT_MS);
    // The browser's language tag ("en-GB") lets the server put that country's lines first
    // while the person has not said where they are.
    const language = encodeURIComponent((navigator.language || "").slice(0, 35));
    const url = `${config.apiUrl}/api/sos?session_id=${encodeURIComponent(state.sessionId)}&lang=${language}`;
    return fetch(url, { signal: controller.signal, credentials: "omit" })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((body) => {
        const messages = Array.isArray(body.messages) ? body.messages.filter((text) => typeof text === "string") : [];
        return messages.length ? messages : Promise.reject(new Error("no lines"));
      })
      .finally(() => window.clearTimeout(timer));
  }

  function showLines(container, messages) {
    let paragraphs;
    if (messages) {
      paragraphs = messages.map((text) => element("p", { className: "ecw-text", text }));
    } else if (state.fallback) {
      paragraphs = fallbackParagraphs(state.fallback);
    } else {
      paragraphs = [
        element("p", { className: "ecw-text", text: TEXT.helpFallback }),
        element("p", {}, [link("https://findahelpline.com", TEXT.helpLink)]),
      ];
    }
    container.replaceChildren(...paragraphs);
    container.setAttribute("aria-busy", "false");
  }

  function link(href, text) {
    return element("a", { href, target: "_blank", rel: "noopener noreferrer", text });
  }

  function fallbackParagraphs(fallback) {
    const paragraphs = [element("p", { className: "ecw-text", text: TEXT.helpKeptIntro })];
    if (fallback.numbers.length) {
      const list = fallback.numbers.map((item) => TEXT.helpNumber(listOf(item.places), item.number));
      paragraphs.push(element("p", { className: "ecw-text", text: [TEXT.helpNumbers, ...list].join("\n") }));
    }
    if (fallback.note) {
      paragraphs.push(element("p", { className: "ecw-text", text: sentence(fallback.note) }));
    }
    if (fallback.lines.length) {
      paragraphs.push(element("p", { className: "ecw-text", text: TEXT.helpOtherLines }));
      for (const line of fallback.lines) {
        const details = line.note ? `: ${line.contact} (${line.note})` : `: ${line.contact}`;
        const name = line.url ? link(line.url, line.name) : line.name;
        paragraphs.push(element("p", { className: "ecw-text" }, ["• ", name, details]));
      }
    }
    return paragraphs;
  }

  // The fallback lines: fetched as the widget loads, kept in memory and in localStorage, so
  // "Get help now" still names real numbers when the server is down later.

  function checkedFallback(body) {
    if (!body || typeof body !== "object") {
      return null;
    }
    const text = (value, limit) => typeof value === "string" && value.trim() !== "" && value.length <= limit;
    const numbers = (Array.isArray(body.emergency_numbers) ? body.emergency_numbers : [])
      .filter((item) => item && text(item.number, 40) && Array.isArray(item.places) && item.places.length)
      .map((item) => ({ number: item.number, places: item.places.filter((place) => text(place, 80)) }))
      .filter((item) => item.places.length)
      .slice(0, MAX_FALLBACK_ITEMS);
    const lines = (Array.isArray(body.lines) ? body.lines : [])
      .filter((line) => line && text(line.name, 120) && text(line.contact, 200))
      .map((line) => ({
        name: line.name,
        contact: line.contact,
        note: text(line.note, 200) ? line.note : "",
        url: safeLinkUrl(line.url),
      }))
      .slice(0, MAX_FALLBACK_ITEMS);
    if (!numbers.length && !lines.length) {
      return null;
    }
    return { numbers, lines, note: text(body.emergency_note, 200) ? body.emergency_note : "" };
  }

  function keptFallback(fallback) {
    // Stored as /api/lines sends it, so it is checked the same way when it is read back.
    return JSON.stringify({ emergency_numbers: fallback.numbers, lines: fallback.lines, emergency_note: fallback.note });
  }

  function loadKeptFallback() {
    try {
      state.fallback = checkedFallback(JSON.parse(read("localStorage", keys.fallback) || "null"));
    } catch (error) {
      state.fallback = null;
    }
  }

  function refreshFallback() {
    // One request at a time; it always settles, and a failure keeps what we had.
    if (state.fallbackRequest) {
      return state.fallbackRequest;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => controller.abort(), SOS_TIMEOUT_MS);
    state.fallbackRequest = fetch(`${config.apiUrl}/api/lines`, { signal: controller.signal, credentials: "omit" })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((body) => {
        const fallback = checkedFallback(body);
        if (fallback) {
          state.fallback = fallback;
          write("localStorage", keys.fallback, keptFallback(fallback));
        }
      })
      .catch(() => {})
      .finally(() => {
        window.clearTimeout(timer);
        state.fallbackRequest = null;
      });
    return state.fallbackRequest;
  }

  function confirmDeletion(returnFocusTo) {
    const { body, actions } = openDialog(TEXT.deleteTitle, returnFocusTo);
    body.append(element("p", { text: TEXT.deleteBody }));
    const problem = element("p", { className: "ecw-dialog-problem", role: "alert" });
    body.append(problem);
    const confirm = element("button", { type: "button", className: "ecw-button ecw-danger", text: TEXT.deleteConfirm });
    const cancel = element("button", { type: "button", className: "ecw-button ecw-secondary", text: TEXT.cancel });
    cancel.addEventListener("click", closeDialog);
    confirm.addEventListener("click", () => {
      confirm.disabled = true;
      confirm.textContent = TEXT.deleting;
      problem.textContent = "";
      erase().then(
        () => {
          closeDialog();
          startOver(TEXT.deleted);
          ui.input.focus();
        },
        () => {
          confirm.disabled = false;
          confirm.textContent = TEXT.deleteConfirm;
          problem.textContent = TEXT.deleteFailed;
          confirm.focus();
        },
      );
    });
    actions.append(cancel, confirm);
  }

  // Everything kept about the person, as a file: fetched with the session id in the body (never
  // in a link), then handed to the browser as a download.
  function downloadData() {
    fetch(`${config.apiUrl}/api/export`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ session_id: state.sessionId }),
      credentials: "omit",
    })
      .then((response) => (response.ok ? response.blob() : Promise.reject(new Error(String(response.status)))))
      .then((blob) => {
        const link = element("a", { href: URL.createObjectURL(blob), download: "my-data.json", hidden: true });
        document.body.append(link);
        link.click();
        link.remove();
        window.setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      })
      .catch(() => addEntry({ who: "system", text: TEXT.downloadFailed }));
  }

  function erase() {
    return fetch(`${config.apiUrl}/api/erase`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ session_id: state.sessionId }),
      credentials: "omit",
    }).then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))));
  }

  // ----- start -----------------------------------------------------------------------

  function init() {
    loadSession();
    loadKeptFallback();
    refreshFallback();
    build();
    renderHistory();
    if (!state.history.length) {
      greet();
    } else if (config.homeworkCode) {
      // A returning visitor following a new homework link: offer it below what is already here.
      addEntry({
        who: "bot",
        text: TEXT.homeworkLink,
        replies: [{ title: TEXT.openHomework, payload: `my code is ${config.homeworkCode}` }],
      });
    }
    ui.input.value = read("sessionStorage", keys.draft(state.sessionId)) || "";
    updateCounter();
    const stylesheet = element("link", { rel: "stylesheet", href: `${config.assetsUrl}widget.css` });
    const reveal = () => {
      ui.root.hidden = false;
    };
    stylesheet.addEventListener("load", reveal);
    stylesheet.addEventListener("error", reveal);
    document.head.append(stylesheet);
    if (config.startOpen || read("sessionStorage", keys.open) === "1") {
      openPanel({ focusInput: false });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
