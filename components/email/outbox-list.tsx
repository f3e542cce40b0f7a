import { getFormatter, getTranslations } from "next-intl/server";
import type { OutboxSummary } from "@/lib/email/outbox";

export async function OutboxList({ messages }: { messages: OutboxSummary[] }) {
  const [t, format] = await Promise.all([getTranslations("Outbox"), getFormatter()]);
  if (messages.length === 0) return <p>{t("empty")}</p>;
  return (
    <ol className="outbox-list">
      {messages.map((message) => (
        <li key={message.id} className="card">
          <h2>{message.subject}</h2>
          <p className="muted small">
            {t("to", { to: message.to })}
            <br />
            {t("written", { date: format.dateTime(message.date, { dateStyle: "medium", timeStyle: "medium" }) })}
          </p>
          <pre className="outbox-text">
            <LinkifiedText text={message.text} />
          </pre>
        </li>
      ))}
    </ol>
  );
}

// Only http(s) addresses become links: the text comes from our own emails, but a javascript: URL
// must never turn into something clickable.
const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

function LinkifiedText({ text }: { text: string }) {
  return text.split(URL_PATTERN).map((part, index) => (index % 2 === 1 ? <a key={index} href={part}>{part}</a> : part));
}
