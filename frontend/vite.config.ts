import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The hub serves dist/ at / and answers /graphql itself; `npm run dev` proxies to it.
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
  server: { proxy: { "/graphql": "http://127.0.0.1:8000" } },
});
