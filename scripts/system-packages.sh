#!/usr/bin/env bash
# Debian packages the tests need: npm for the front-end libraries, a real redis-server and
# nginx for the scale-out tests, Chromium for the browser tests (Playwright never downloads
# a browser of its own), WebKitGTK's WebDriver and a virtual X display for the WebKit tests,
# LibreOffice (Writer and Calc, headless) to lay out the DOCX and XLSX minutes as office
# software does, and poppler-utils (pdftoppm) for the pictures of the exports in
# docs/exports/. Installs whatever is missing with apt (as root, or through sudo).
set -euo pipefail

missing=()
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v nginx >/dev/null 2>&1 || missing+=(nginx)
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-dejavu-core)
command -v WebKitWebDriver >/dev/null 2>&1 || missing+=(webkit2gtk-driver)
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb xauth)
if ! command -v soffice >/dev/null 2>&1; then
  missing+=(libreoffice-writer-nogui libreoffice-calc-nogui)
else
  # Writer may be there without Calc (or the other way round).
  dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || dpkg -s libreoffice-writer >/dev/null 2>&1 ||
    missing+=(libreoffice-writer-nogui)
  dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || dpkg -s libreoffice-calc >/dev/null 2>&1 ||
    missing+=(libreoffice-calc-nogui)
fi
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "Missing Debian packages: ${missing[*]} (install them with apt as root)" >&2
  exit 1
fi
"${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "${missing[@]}"
