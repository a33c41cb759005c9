"""The simulated machine's file system, as exercises' fixtures and checks use it."""

import stat
import unittest

from awaitable.clock import VirtualClock
from awaitable.processes.file_system import VirtualFileSystem


class FileSystemTest(unittest.TestCase):
    def setUp(self):
        self.clock = VirtualClock()
        self.files = VirtualFileSystem(self.clock)

    def test_a_plausible_machine(self):
        self.assertEqual(self.files.listdir("/"), ["bin", "dev", "etc", "home", "tmp", "usr"])
        self.assertEqual(self.files.listdir(), [".bashrc", ".profile", "notes.txt", "todo.txt"])
        self.assertEqual(self.files.read("/etc/hostname"), "sandbox\n")
        self.assertEqual(self.files.listdir("/tmp"), [])
        self.assertTrue(self.files.is_dir("/bin"))
        self.assertTrue(self.files.stat("/bin", follow=False).is_symlink)
        self.assertEqual(self.files.stat("/dev/null").mode, stat.S_IFCHR | 0o666)

    def test_write_creates_directories_and_stamps_the_virtual_time(self):
        self.clock.advance(90)
        self.files.write("logs/2025/app.log", "started\n")
        self.files.write("/tmp/blob", b"\x00\x01")
        info = self.files.stat("logs/2025/app.log")
        self.assertEqual((info.size, info.mtime, info.owner), (8, VirtualClock.EPOCH + 90, "learner"))
        self.assertEqual(self.files.read("/home/learner/logs/2025/app.log"), "started\n")
        self.assertEqual(self.files.read_bytes("/tmp/blob"), b"\x00\x01")
        self.assertTrue(self.files.is_dir("logs/2025"))
        self.assertFalse(self.files.is_file("logs"))

    def test_executables_and_removal(self):
        self.files.write("run.sh", "#!/bin/sh\n", executable=True)
        self.assertEqual(self.files.stat("run.sh").mode & 0o777, 0o755)
        self.files.mkdir("empty/inner")
        self.files.remove("empty/inner")
        self.files.remove("run.sh")
        self.assertEqual(self.files.listdir("empty"), [])
        self.assertFalse(self.files.exists("run.sh"))

    def test_errors_are_the_system_calls_errors(self):
        with self.assertRaises(FileNotFoundError) as caught:
            self.files.read("missing.txt")
        self.assertEqual((caught.exception.errno, caught.exception.strerror), (2, "No such file or directory"))
        with self.assertRaises(IsADirectoryError):
            self.files.read("/tmp")
        with self.assertRaises(NotADirectoryError):
            self.files.listdir("notes.txt")
        with self.assertRaises(OSError) as caught:
            self.files.remove("/usr")
        self.assertEqual(caught.exception.errno, 39)
        with self.assertRaises(PermissionError):
            self.files.open_file("/etc/hostname", "/", "w")

    def test_paths_resolve_through_links_and_dots(self):
        # "/bin" is "usr/bin", so for a command "/bin/.." is "/usr".
        self.assertTrue(self.files.stat_at("/bin/../local/./bin", "/").is_dir)
        self.assertIs(self.files.lookup("/bin", "/"), self.files.lookup("/usr/bin", "/"))
        self.assertEqual(self.files.absolute("../x", "/home/learner"), "/home/x")
        self.assertEqual(self.files.absolute("~/y"), "/home/learner/y")


if __name__ == "__main__":
    unittest.main()
