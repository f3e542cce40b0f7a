import { createNavigation } from "next-intl/navigation";
import { routing } from "@/i18n/routing";

// Link, redirect and friends that keep the reader's language in every URL.
export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation(routing);
