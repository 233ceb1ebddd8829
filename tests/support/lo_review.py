"""Open a Word document in LibreOffice, accept or reject every tracked change there, and
print the paragraphs of its text as JSON, with the number of tracked changes LibreOffice
read: ``python3 lo_review.py FILE.docx accept|reject|none``.

Runs with the system Python, whose UNO bridge (Debian: python3-uno) talks to a headless
soffice started here with a fresh profile and stopped at the end.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

COMMANDS = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges"}


def _property(name: str, value: object) -> PropertyValue:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


# LibreOffice 7.4 (Debian 12) loaded through UNO drops the bridge on any document with a
# comment, its own Word files too; `soffice --convert-to` opens the same files. Comments
# are no tracked changes: the review reads a copy without them (test_docx converts the
# files with comments as they are).
_COMMENT_MARKUP = re.compile(
    r"<w:commentRange(?:Start|End) [^>]*/>|<w:r>(?:(?!</w:r>).)*?<w:commentReference [^>]*/></w:r>"
)


def _without_comments(path: str, folder: str) -> str:
    copy = str(Path(folder) / Path(path).name)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = _COMMENT_MARKUP.sub("", data.decode("utf-8")).encode("utf-8")
            target.writestr(item, data)
    return copy


def main(path: str, review: str) -> None:
    with tempfile.TemporaryDirectory(prefix="lo-review-") as profile:
        path = _without_comments(path, profile)
        pipe = f"treatydiff-{os.getpid()}"
        office = subprocess.Popen(
            [
                "soffice",
                "--headless",
                "--invisible",
                "--nologo",
                "--norestore",
                f"-env:UserInstallation={Path(profile).as_uri()}",
                f"--accept=pipe,name={pipe};urp;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            local = uno.getComponentContext()
            resolver = local.ServiceManager.createInstanceWithContext(
                "com.sun.star.bridge.UnoUrlResolver", local
            )
            for _ in range(240):
                try:
                    context = resolver.resolve(
                        f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext"
                    )
                    break
                except Exception:
                    time.sleep(0.25)
            else:
                raise SystemExit("soffice did not answer")
            manager = context.ServiceManager
            desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            url = uno.systemPathToFileUrl(str(Path(path).resolve()))
            document = desktop.loadComponentFromURL(url, "_blank", 0, (_property("Hidden", True),))
            if document is None:
                raise SystemExit(f"LibreOffice cannot open {path}")
            redlines = 0
            found = document.getRedlines().createEnumeration()
            while found.hasMoreElements():
                found.nextElement()
                redlines += 1
            if review in COMMANDS:
                helper = manager.createInstanceWithContext(
                    "com.sun.star.frame.DispatchHelper", context
                )
                frame = document.getCurrentController().getFrame()
                helper.executeDispatch(frame, COMMANDS[review], "", 0, ())
            paragraphs = []
            items = document.getText().createEnumeration()
            while items.hasMoreElements():
                item = items.nextElement()
                if item.supportsService("com.sun.star.text.Paragraph"):
                    paragraphs.append(item.getString())
            document.close(True)
            print(json.dumps({"redlines": redlines, "paragraphs": paragraphs}))
        finally:
            office.terminate()
            office.wait(timeout=60)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
