/* Thai slugs kept whole in the admin (see home/slugs.py).
 *
 * Wagtail's slug controller (w-slug) keeps only \p{L}, \p{N}, "-" and "_" when unicode slugs are allowed,
 * so Thai vowels and tone marks (combining marks, \p{M}) were dropped while typing a title:
 * "ข่าวเปิดคลินิก" became "ขาวเปดคลนก". This registers the controller again with \p{M} kept; Stimulus
 * reconnects the slug fields with it. Without unicode slugs Wagtail's own behaviour is left as it is.
 */
(function () {
  "use strict";

  function thaiSlug(value, maxLength) {
    var slug = value
      .normalize("NFC") // NFKC would split ำ into ํ + า (another address)
      .toLowerCase()
      .replace(/[^-_\p{L}\p{M}\p{N}\s]/gu, "")
      .replace(/[-\s]+/g, "-");
    if (maxLength) {
      slug = slug.substring(0, maxLength);
    }
    return slug.replace(/^[-_]+|[-_]+$/g, "");
  }

  function install() {
    var app = window.wagtail && window.wagtail.app;
    var module = app && app.router.modulesByIdentifier.get("w-slug");
    if (!module || module.definition.controllerConstructor.keepsThaiMarks) {
      return;
    }
    var Base = module.definition.controllerConstructor;

    class ThaiSlugController extends Base {
      static keepsThaiMarks = true;

      keepWhole(action, event, options) {
        var settings = options || {};
        var ignoreUpdate = settings.ignoreUpdate || false;
        var value = (event && event.detail && event.detail.value) || this.element.value;
        var prepared = this.prepareValue(value, { runFormat: settings.runFormat ?? !ignoreUpdate });
        if (!prepared) {
          return "";
        }
        var maxLength = Number(this.element.getAttribute("maxlength")) || 255;
        var slug = thaiSlug(prepared, maxLength);
        if (!ignoreUpdate) {
          this.applyUpdate(action, slug, value);
        }
        return slug;
      }

      slugify(event, options) {
        return this.allowUnicodeValue ? this.keepWhole("slugify", event, options) : super.slugify(event, options);
      }

      urlify(event, options) {
        return this.allowUnicodeValue ? this.keepWhole("urlify", event, options) : super.urlify(event, options);
      }
    }

    app.register("w-slug", ThaiSlugController);
  }

  window.hodThaiSlug = thaiSlug;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", install);
  } else {
    install();
  }
})();
