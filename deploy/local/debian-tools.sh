# Debian packages the tests use, apt-installed when missing (as root; CI machines are fresh):
# - softhsm2: the PKCS#11 module the signing service's HSM key store is tested against (no daemon: tests make their
#   own token directory with SOFTHSM2_CONF and softhsm2-util);
# - poppler-utils: pdfsig, pdftotext and pdffonts check the signed học bạ PDFs as a PDF reader would;
# - fonts-dejavu-core: the DejaVu Sans fonts embedded in those PDFs (full Vietnamese diacritics).

SOFTHSM_MODULE=/usr/lib/softhsm/libsofthsm2.so
DEJAVU_FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

debian_tools_ensure() {
  local missing=()
  { [[ -f $SOFTHSM_MODULE ]] && command -v softhsm2-util >/dev/null; } || missing+=(softhsm2)
  command -v pdfsig >/dev/null || missing+=(poppler-utils)
  [[ -f $DEJAVU_FONT ]] || missing+=(fonts-dejavu-core)
  (( ${#missing[@]} )) || return 0
  [[ $(id -u) == 0 ]] || die tools "missing ${missing[*]}; install them (apt-get install -y ${missing[*]})"
  say tools "installing ${missing[*]} (apt-get)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; } \
    || die tools "apt-get install ${missing[*]} failed"
  [[ -f $SOFTHSM_MODULE && -f $DEJAVU_FONT ]] && command -v pdfsig >/dev/null || die tools "${missing[*]} still missing after apt-get"
}
