"""Django settings for the lab Management Node. The state directory comes from
the environment variable LAB_PEXIP_STATE_DIR (set by lab.pexip.server)."""
import os

STATE_DIR = os.environ.get("LAB_PEXIP_STATE_DIR", os.path.join(os.getcwd(), ".lab", "pexip"))

SECRET_KEY = "lab-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
USE_TZ = False
TIME_ZONE = "UTC"
ROOT_URLCONF = "lab.pexip.urls"
INSTALLED_APPS = ["lab.pexip.app"]
MIDDLEWARE = ["lab.pexip.availability.AbsentMiddleware"]
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.path.join(STATE_DIR, "db.sqlite3"),
        "OPTIONS": {"timeout": 30, "transaction_mode": "IMMEDIATE"},
    }
}
# Uploaded theme packages are parsed in memory; only name and size are kept.
FILE_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = None
DATA_UPLOAD_MAX_NUMBER_FIELDS = None
TASTYPIE_DEFAULT_FORMATS = ["json"]
TASTYPIE_FULL_DEBUG = False
TASTYPIE_DATETIME_FORMATTING = "iso-8601"
API_LIMIT_PER_PAGE = 20
LOGGING_CONFIG = None
