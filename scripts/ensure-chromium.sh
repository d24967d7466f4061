#!/bin/sh
# Make sure a Chromium is there to print with: BRIEFING_CHROME / PUPPETEER_EXECUTABLE_PATH, the light headless shell,
# or a full Chromium or Chrome. As root on Debian/Ubuntu, install Debian's chromium-headless-shell (and
# fonts-liberation) with apt when the headless shell is missing; otherwise say what to install.
set -eu
for exe in "${BRIEFING_CHROME:-}" "${PUPPETEER_EXECUTABLE_PATH:-}"; do
  [ -n "$exe" ] && [ -x "$exe" ] && exit 0
done
for name in chromium-headless-shell chrome-headless-shell; do
  command -v "$name" >/dev/null 2>&1 && exit 0
done
[ -x /usr/lib/chromium/chromium-headless-shell ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing chromium-headless-shell with apt-get (one time)..."
  apt-get update -qq
  if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell fonts-liberation >/dev/null; then exit 0; fi
  echo "chromium-headless-shell could not be installed; trying the full chromium" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null && exit 0
fi
for name in chromium chromium-browser google-chrome google-chrome-stable chrome; do
  command -v "$name" >/dev/null 2>&1 && exit 0
done
echo "No Chromium found. Install one (Debian/Ubuntu: sudo apt-get install chromium-headless-shell; macOS: brew install --cask chromium)," >&2
echo "or set BRIEFING_CHROME to a Chrome/Chromium executable (npx @puppeteer/browsers install chrome-headless-shell@stable)." >&2
exit 1
