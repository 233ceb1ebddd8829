"""Open a Word document in LibreOffice, accept or reject every tracked change there, and
print the paragraphs of its text as JSON, with the number of tracked changes LibreOffice
read: ``python3 lo_review.py FILE.docx accept|reject|none``.

Runs with the system Python, whose UNO bridge (Debian: python3-uno) talks to a headless
soffice started here with a fresh profile and stopped at the end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

COMMANDS = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges"}


def _property(name: str, value: object) -> PropertyValue:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def main(path: str, review: str) -> None:
    with tempfile.TemporaryDirectory(prefix="lo-review-") as profile:
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
