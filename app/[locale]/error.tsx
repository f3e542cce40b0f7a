"use client";

// Pages outside the site's frame (the embedded widget) fail with the same generic message.
export { ErrorView as default } from "@/components/ui/error-view";
