"""``import_wordpress``: the former WordPress site's posts, pages and files, checked, placed and redirected.

Order: attachments (files), then pages (parents first), then posts, so bodies can use the imported pictures
and files. Every item is keyed by its WordPress post id (``ImportedItem``): a second run updates what changed
and duplicates nothing; an item edited on the new site since its import is not overwritten. With ``dry_run``
nothing is written and the report says what would happen.
"""

import hashlib
import json
import re
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, pgettext

from home.models import HospitalDocument, HospitalImage

from . import media, pages
from .html import Converter, upload_key
from .models import ImportedItem
from .redirects import add_redirect
from .report import CREATED, REFUSED, SKIPPED, UNCHANGED, UPDATED, Entry, Report

SOURCE = ImportedItem.Source.WORDPRESS
PLACEHOLDER_ID = 0  # ids of files a dry run would import
NOTE_LABELS = {
    "missing_image": gettext_noop(
        "A picture in the text was not imported (missing, refused or without alternative text): %s"
    ),
    "inline_image": gettext_noop("A picture inside a line of text was left out: %s"),
    "missing_file": gettext_noop("A link to a file that was not imported was turned into plain text: %s"),
    "dropped": gettext_noop("Content the site does not show was removed: <%s>"),
}


def _fingerprint(*parts):
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, default=str).encode()).hexdigest()


def _kind_label(item):
    kinds = {"post": _("post"), "page": _("page"), "attachment": pgettext("import report", "file")}
    return kinds.get(item.post_type, item.post_type)


class WordPressImport:
    def __init__(self, wxr, mapping, media_dir=None, dry_run=False, user=None):
        self.wxr = wxr
        self.mapping = mapping
        self.media_dir = Path(media_dir) if media_dir else None
        self.dry_run = dry_run
        self.user = user
        self.report = Report(title=_("Import of the former WordPress website"), dry_run=dry_run)
        self.images = {}  # upload key -> (image id, alt)
        self.documents = {}  # upload key -> document id
        self.by_post_id = {}  # attachment post id -> ("image"|"document", id)
        self.attached = {}  # parent post id -> [document ids]
        self.page_for = {}  # WordPress page id -> new page (for nesting)
        self.records = {r.key: r for r in ImportedItem.objects.filter(source=SOURCE)}
        self.collection = None
        old_site = mapping.old_site or wxr.site_url
        self.converter = Converter(self.images, self.documents, old_site=old_site)

    # Entry point ----------------------------------------------------------------------------------
    def run(self):
        items = self._unique_items()
        if self.mapping.collection and not self.dry_run:
            self.collection = media.import_collection(self.mapping.collection)
        for item in items:
            if item.post_type == "attachment":
                self._guard(item, self._attachment)
        for item in self._pages_parents_first([i for i in items if i.post_type == "page"]):
            self._guard(item, self._page)
        for item in items:
            if item.post_type == "post":
                self._guard(item, self._post)
        return self.report

    def _guard(self, item, handler):
        """One item in its own transaction: a failure refuses that item, never half of it — its rows are rolled
        back and the files it already stored are deleted (``media.files_undone_on_failure``)."""
        try:
            with media.files_undone_on_failure(), transaction.atomic():
                handler(item)
        except Exception as error:  # a broken file or an unexpected value refuses the item, with the reason
            entry = Entry(_kind_label(item), item.post_id, item.title, REFUSED, old_paths=item.old_paths())
            entry.reasons.append(_("Could not be imported: %(error)s") % {"error": error})
            self._refuse(entry)

    def _unique_items(self):
        seen_ids, seen_guids, unique = {}, {}, []
        for item in self.wxr.items:
            if item.post_type not in ("post", "page", "attachment"):
                continue  # menus, revisions, custom types of plugins: not content of the site
            if not item.post_id:
                continue
            duplicate_of = seen_ids.get(item.post_id) or (seen_guids.get(item.guid) if item.guid else None)
            if duplicate_of:
                entry = Entry(_kind_label(item), item.post_id, item.title, REFUSED)
                entry.reasons.append(
                    _("Appears twice in the export file (the same WordPress id or GUID as “%(title)s”); imported once.")
                    % {"title": duplicate_of}
                )
                self.report.add(entry)
                continue
            seen_ids[item.post_id] = item.title or item.post_id
            if item.guid:
                seen_guids[item.guid] = item.title or item.post_id
            unique.append(item)
        return unique

    # Attachments -----------------------------------------------------------------------------------
    def _attachment(self, item):
        key = upload_key(item.attachment_url)
        picture = media.is_picture(key)
        title = item.title or Path(key).name
        entry = Entry(
            _("picture") if picture else pgettext("import report", "file"),
            item.post_id,
            title,
            CREATED,
            old_paths=item.old_paths(),
        )
        path = self._local_file(item.attachment_url)
        if path is None:
            entry.reasons.append(
                _("The file %(name)s is not in the media folder (--media-dir), so it cannot be imported.")
                % {"name": key or "—"}
            )
            return self._refuse(entry)
        if picture and not item.alt_text:
            entry.reasons.append(
                _(
                    "The picture has no alternative text. Add the Alt Text in WordPress (Media › the picture) and "
                    "export again, or upload it by hand with its alternative text."
                )
            )
            return self._refuse(entry)
        problems = media.check_file(path, picture)
        if problems:
            entry.reasons += problems
            return self._refuse(entry)
        fingerprint = _fingerprint(media.fingerprint_of(path), title, item.alt_text)
        record = self.records.get(item.post_id)
        existing = (record.image if picture else record.document) if record else None
        entry.action = self._action(record, fingerprint)
        if entry.action == SKIPPED:
            entry.reasons.append(_("Deleted on the new site after an earlier import; not imported again."))
            return self.report.add(entry)
        if self.dry_run:
            target_id = existing.pk if existing else PLACEHOLDER_ID
        elif entry.action == UNCHANGED:
            target_id = existing.pk
        elif picture:
            target_id = media.save_image(path, title, item.alt_text, existing, self.collection).pk
        else:
            target_id = media.save_document(path, title, existing, self.collection).pk
        if picture:
            self.images[key] = (target_id, item.alt_text)
            self.by_post_id[item.post_id] = ("image", target_id)
        else:
            self.documents[key] = target_id
            self.by_post_id[item.post_id] = ("document", target_id)
            if item.parent_id and item.parent_id != "0":
                self.attached.setdefault(item.parent_id, []).append(target_id)
        target = None
        if not self.dry_run:
            target = HospitalImage.objects.get(pk=target_id) if picture else HospitalDocument.objects.get(pk=target_id)
            entry.target = target.file.url if picture else target.url
            self._record(
                item,
                record,
                fingerprint,
                "attachment",
                image=target if picture else None,
                document=None if picture else target,
            )
        self._redirect(entry, link=entry.target)
        self.report.add(entry)

    def _local_file(self, url):
        if self.media_dir is None or not url:
            return None
        relative = upload_key(url)
        # upload_key lowers the case for matching; find the file as it is named on disk.
        marker = "/wp-content/uploads/"
        raw = url.split(marker, 1)[1] if marker in url else url.rsplit("/", 1)[-1]
        from urllib.parse import unquote

        for candidate in (self.media_dir / unquote(raw.split("?", 1)[0]), self.media_dir / relative):
            try:
                candidate.resolve().relative_to(self.media_dir.resolve())
            except ValueError:
                return None  # "../" in an address from the file: never read outside the folder
            if candidate.is_file():
                return candidate
        return None

    # Pages and posts -------------------------------------------------------------------------------
    def _pages_parents_first(self, items):
        ids = {i.post_id for i in items}
        by_id = {i.post_id: i for i in items}

        def depth(item, seen=()):
            if item.parent_id in ids and item.parent_id not in seen:
                return 1 + depth(by_id[item.parent_id], (*seen, item.post_id))
            return 0

        return sorted(items, key=depth)

    def _page(self, item):
        target = self.mapping.pages
        parent = self.page_for.get(item.parent_id, target.parent)
        self._content(item, target, parent, kind=_("page"))

    def _post(self, item):
        target = self.mapping.for_post(item.categories)
        if target.skip:
            entry = Entry(_("post"), item.post_id, item.title, SKIPPED, old_paths=item.old_paths())
            entry.reasons.append(_("Its category is marked skip in the mapping file."))
            return self._refuse(entry, action=SKIPPED)
        self._content(item, target, target.parent, kind=_("post"))

    def _content(self, item, target, parent, kind):
        entry = Entry(kind, item.post_id, item.title, CREATED, old_paths=item.old_paths())
        if item.status != "publish":
            entry.reasons.append(
                _("Not published on the old site (status “%(status)s”), so not published here.")
                % {"status": item.status}
            )
            return self._refuse(entry, action=SKIPPED)
        if not item.title.strip():
            entry.reasons.append(_("Title: the item has no title."))
            return self._refuse(entry)
        converted = self.converter.convert(item.content)
        attachments = self.attached.get(item.post_id, [])
        thumb = self.by_post_id.get(item.meta.get("_thumbnail_id", ""))
        fingerprint = _fingerprint(
            item.title,
            item.content,
            item.excerpt,
            item.date,
            item.slug,
            target.label,
            parent.pk,
            target.owner_unit.pk if target.owner_unit else None,
            target.fields,
            attachments,
            thumb,
        )
        record = self.records.get(item.post_id)
        if item.post_type == "page" and record is not None and record.page is not None:
            self.page_for[item.post_id] = record.page  # its child pages stay under it, changed or not
        entry.action = self._action(record, fingerprint)
        if entry.action == SKIPPED:
            entry.reasons.append(_("Deleted on the new site after an earlier import; not imported again."))
            return self._refuse(entry, action=SKIPPED)
        for code, detail in converted.notes:
            entry.reasons.append(_(NOTE_LABELS[code]) % detail)
        if entry.action == UNCHANGED:
            entry.target = record.page.url or ""
            self._redirect(entry, page=record.page)
            return self.report.add(entry)
        page = record.page.specific.get_latest_revision_as_object() if record and record.page else target.model()
        if (
            record
            and record.page
            and record.page.latest_revision_created_at
            and record.page.latest_revision_created_at > record.updated_at
        ):
            entry.action = REFUSED
            entry.reasons.append(
                _("Edited on the new site since it was imported; the new site's version is kept, not overwritten.")
            )
            entry.target = record.page.url or ""
            self._redirect(entry, page=record.page)
            return self.report.add(entry)
        self._fill(page, item, target, converted, attachments, thumb)
        if page.pk is None:
            page.slug = pages.unique_slug(parent, item.slug, f"wp-{item.post_id}", title=item.title)
        problems = pages.check_page(page)
        if problems:
            entry.reasons += [f"{label}: {message}" if label else message for _name, label, message in problems]
            return self._refuse(entry)
        if self.dry_run:
            entry.target = (parent.url or "") + page.slug + "/"
            self._redirect(entry)
            return self.report.add(entry)
        page = pages.save_and_publish(
            page, parent=parent, when=item.date, updated=item.modified, user=self.user, source=SOURCE, old_url=item.link
        )
        if item.post_type == "page":
            self.page_for[item.post_id] = page
        entry.target = page.url or ""
        self._record(item, record, fingerprint, item.post_type, page=page)
        self._redirect(entry, page=page)
        self.report.add(entry)

    def _fill(self, page, item, target, converted, attachments, thumb):
        page.title = item.title[:255]
        model = type(page)
        names = {f.name for f in model._meta.get_fields()}
        summary = re.sub(r"\s+", " ", strip_tags(item.excerpt)).strip()
        if "intro" in names:
            page.intro = summary[: model._meta.get_field("intro").max_length or 1000]
        pages.set_body(page, "body", converted.blocks)
        if "owner_unit" in names and target.owner_unit is not None:
            page.owner_unit = target.owner_unit
        local = timezone.localdate(item.date) if item.date else timezone.localdate()
        if "period_start" in names and not model._meta.get_field("period_start").auto_created:
            page.period_start = local
        if "fiscal_year" in names:
            from home.thai_dates import fiscal_year

            page.fiscal_year = fiscal_year(local)
        if "attachments" in names:
            pages.set_body(
                page, "attachments", [{"type": "document", "value": {"document": d, "title": ""}} for d in attachments]
            )
        if "listing_image" in names and thumb and thumb[0] == "image":
            page.listing_image_id = thumb[1] or None
        for name, value in target.fields.items():
            setattr(page, name, value)

    # Records, redirects, report ---------------------------------------------------------------------
    def _action(self, record, fingerprint):
        if record is None:
            return CREATED
        if record.target is None:
            return SKIPPED
        return UNCHANGED if record.fingerprint == fingerprint else UPDATED

    def _record(self, item, record, fingerprint, kind, page=None, document=None, image=None):
        record = record or ImportedItem(source=SOURCE, key=item.post_id)
        record.kind, record.old_url, record.fingerprint = kind, item.link[:500], fingerprint
        record.page, record.document, record.image = page, document, image
        record.save()
        self.records[item.post_id] = record

    def _redirect(self, entry, page=None, link=""):
        for old in entry.old_paths:
            if self.dry_run:
                self.report.redirects.append((old, entry.target))
                continue
            if add_redirect(old, page=page, link=link):
                self.report.redirects.append((old, page.url if page is not None else link))

    def _refuse(self, entry, action=REFUSED):
        entry.action = action
        why = "; ".join(entry.reasons) or _("not imported")
        self.report.unresolved += [(old, why) for old in entry.old_paths]
        return self.report.add(entry)
