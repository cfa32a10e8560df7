"""Loading the UI language: English source strings, Vietnamese from the compiled .qm (the default)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install the app's translator for `language`; English needs none. Returns it so the caller keeps it alive."""
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English))
    if language == "en":
        return None
    translator = QTranslator(app)
    qm = TRANSLATIONS_DIR / f"vanthu_{language}.qm"
    if not translator.load(str(qm)):
        raise FileNotFoundError(f"translation file missing: {qm} (run `make translations`)")
    app.installTranslator(translator)
    return translator


def translate(context: str, source: str, n: int = -1) -> str:
    """What a module-level `tr()` calls. lupdate files a bare `tr("…")` outside a class under the empty context, while
    the module's QT_TRANSLATE_NOOP strings sit under its own: look in both."""
    text = QCoreApplication.translate(context, source, None, n)
    if text == source or (n >= 0 and text == source.replace("%n", str(n))):
        text = QCoreApplication.translate("", source, None, n)
    return text
