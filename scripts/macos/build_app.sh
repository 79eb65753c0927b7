#!/usr/bin/env bash
# Build selvhjelp.app in a .dmg on a macOS machine (the workflow .github/workflows/macos.yml runs this;
# it cannot run on Linux: no package registry here has a macOS CPython).
#
#   bash scripts/macos/build_app.sh            # dist/selvhjelp-VERSION-macos-ARCH.dmg
#
# The same recipe as the Windows build: a relocatable CPython (python-build-standalone, through
# `uv python install`), selvhjelp and its dependencies as macOS wheels for this machine's
# architecture, and a launcher that opens the app in the browser. Signing and notarising are
# done when SIGN_IDENTITY (a «Developer ID Application» identity in the keychain) and the
# notarytool profile NOTARY_PROFILE are set; see README, «Signering».
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
version=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
arch=$(uname -m)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
app="$work/selvhjelp.app"
resources="$app/Contents/Resources"
mkdir -p "$app/Contents/MacOS" "$resources"

echo "== a relocatable Python 3.13 for $arch"
uv python install 3.13
python_home=$(dirname "$(dirname "$(uv python find 3.13)")")
cp -R "$python_home" "$resources/python"

echo "== selvhjelp and its dependencies as macOS wheels"
uv build --wheel --quiet --out-dir "$work/wheel" "$repo"
uv pip install --quiet --only-binary :all: --python "$resources/python/bin/python3" \
    --target "$resources/site-packages" "$work"/wheel/selvhjelp-*.whl
"$resources/python/bin/python3" -m compileall -q -j 0 --invalidation-mode unchecked-hash "$resources/site-packages"

cat > "$app/Contents/MacOS/selvhjelp" <<'LAUNCH'
#!/bin/sh
# Opens selvhjelp in the browser; the group files are in Documents/Selvhjelp.
here="$(cd "$(dirname "$0")/../Resources" && pwd)"
PYTHONPATH="$here/site-packages" exec "$here/python/bin/python3" -I -c \
  "import sys; sys.path.insert(0, '$here/site-packages'); from selvhjelp_cli.entry import app_main; app_main()"
LAUNCH
chmod +x "$app/Contents/MacOS/selvhjelp"
cp "$repo/scripts/macos/Info.plist" "$app/Contents/Info.plist"
sed -i '' "s/VERSION/$version/g" "$app/Contents/Info.plist"

if [ -n "${SIGN_IDENTITY:-}" ]; then
    echo "== signing every executable inside, then the app (hardened runtime)"
    find "$resources" -type f \( -name "*.so" -o -name "*.dylib" -o -perm -111 \) -print0 |
        xargs -0 codesign --force --options runtime --timestamp --sign "$SIGN_IDENTITY"
    codesign --force --options runtime --timestamp --sign "$SIGN_IDENTITY" "$app"
fi

mkdir -p "$repo/dist"
dmg="$repo/dist/selvhjelp-$version-macos-$arch.dmg"
hdiutil create -volname "selvhjelp" -srcfolder "$app" -ov -format UDZO "$dmg"
if [ -n "${SIGN_IDENTITY:-}" ] && [ -n "${NOTARY_PROFILE:-}" ]; then
    echo "== notarising (Apple's service checks it) and stapling the ticket to the disk image"
    codesign --sign "$SIGN_IDENTITY" --timestamp "$dmg"
    xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
fi
echo "== $dmg"
