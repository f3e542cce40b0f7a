// The real root layout is app/[locale]/layout.tsx (it knows the language, so it writes <html lang dir>).
// This one only exists for the routes outside a language: the API, the sitemap, robots.txt and the
// not-found page of paths that have no language (app/not-found.tsx).
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return children;
}
