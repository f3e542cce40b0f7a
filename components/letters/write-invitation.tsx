import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import type { PublicTarget } from "@/lib/letters/queries";
import { paths } from "@/lib/paths";

/** On the campaign page: whom the campaign asks to act, and the way to write to them. */
export async function WriteInvitation({ slug, targets, lang }: { slug: string; targets: PublicTarget[]; lang: string }) {
  if (targets.length === 0) return null;
  const t = await getTranslations("Letters.invitation");
  return (
    <section aria-labelledby="write-heading" className="write-invitation">
      <h2 id="write-heading">{t("heading")}</h2>
      <p>{t("body", { count: targets.length })}</p>
      <ul>
        {targets.map((target) => (
          <li key={target.id} lang={lang}>
            {target.name}
          </li>
        ))}
      </ul>
      <p>
        <Link href={paths.write(slug)} className="button button-secondary">
          {t("link")}
        </Link>
      </p>
    </section>
  );
}
