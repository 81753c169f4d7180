"""The scale-out storage profile (``MEDIA_STORAGE=s3``): media and complaint attachments in S3-compatible
buckets through django-storages, so that several app servers share them.

- ``default`` — the media bucket. Images are read from it by the public: the bucket policy below grants
  anonymous read on ``original_images/`` and ``images/`` (renditions) only; where policies are not
  available, ``querystring_auth=True`` signs every image URL instead. Documents (``documents/``) get no
  public grant: Wagtail streams them through Django (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``), so the
  private-collection checks apply.
- ``complaints`` — a second, wholly private bucket for complaint attachments (``home.storage``); every
  URL is signed, but staff only ever download through the logged admin view.

https://django-storages.readthedocs.io/en/latest/backends/amazon-S3.html
"""

import json

PUBLIC_PREFIXES = ("original_images/", "images/")


def s3_storages(
    *,
    bucket,
    private_bucket,
    endpoint_url=None,
    region_name=None,
    access_key=None,
    secret_key=None,
    custom_domain=None,
    querystring_auth=False,
    querystring_expire=7 * 24 * 3600,
    addressing_style=None,
):
    """The ``default`` and ``complaints`` entries of STORAGES for the S3 profile."""
    common = {
        "endpoint_url": endpoint_url,
        "region_name": region_name,
        "access_key": access_key,
        "secret_key": secret_key,
        "addressing_style": addressing_style,  # "path" for MinIO/Ceph endpoints without bucket sub-domains
        "file_overwrite": False,  # Wagtail relies on unique names, as on a local disk
        "default_acl": None,  # the bucket's policy decides, not per-object ACLs
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": bucket,
                "custom_domain": custom_domain,
                "querystring_auth": querystring_auth,
                "querystring_expire": querystring_expire,
            },
        },
        "complaints": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**common, "bucket_name": private_bucket, "querystring_auth": True},
        },
    }


def public_read_policy(bucket):
    """The media bucket's policy: anyone may read images, nobody anonymous anything else."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "PublicImages",
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": [f"arn:aws:s3:::{bucket}/{prefix}*" for prefix in PUBLIC_PREFIXES],
                }
            ],
        },
        indent=2,
    )
