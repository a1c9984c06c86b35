# SPDX-License-Identifier: Apache-2.0
"""Replays the HTTP calls of napari-labelprop-remote (src/napari_labelprop_remote/_widget.py at git HEAD) against a real
`labelprop launch-server`, with arrays made by real NumPy: training, then inference with the trained checkpoint and the
cached image, another axis and C-ordered arrays, a failing request, checkpoint routes, and server restarts between
submit and download.

Usage: python3 napari_contract_test.py PATH/TO/labelprop     (needs numpy and requests; exit 0 = the contract holds)
"""
import hashlib
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from urllib.parse import urljoin

import numpy as np
import requests

SHAPE = (48, 40, 12)  # NumPy axes; z_axis 2 propagates along the last one
LOW, HIGH = 1, 8


# ---- the plugin's own helpers, as in _widget.py

def create_buf_npz(array_dict):
    buf = io.BytesIO()
    np.savez_compressed(buf, **array_dict)
    buf.seek(0)
    return buf


def hash_array(array):
    return hashlib.md5(array.tobytes()).hexdigest()


class Plugin:
    """The plugin's calls, with its timeouts; polls every 0.5 s instead of 5 s to keep the test short."""

    def __init__(self, url):
        self.url = url

    def get(self, route, timeout, **params):
        return requests.get(urljoin(self.url, route), params=params, timeout=timeout)

    def get_ckpts(self):
        return self.get("list_ckpts", 3).text.split(",")

    def get_hash(self):
        return self.get("list_hash", 3).text.split(",")

    def session_exists(self, token):
        return token in self.get("get_session_list", 5).text

    def submit(self, route, arrays, params):
        buf = create_buf_npz(arrays)
        response = requests.post(urljoin(self.url, route), files={"arrays": buf, "params": json.dumps(params).encode("utf-8")})
        buf.close()
        return response.text

    def wait(self, token, limit=240):
        end = time.time() + limit
        while not self.session_exists(token):
            check(time.time() < end, "token %s not listed as finished within %d s" % (token, limit))
            time.sleep(0.5)

    def download(self, token):
        """(Y_up, Y_down, Y_fused), or the error text as the plugin shows it."""
        response = requests.get(urljoin(self.url, "download_inference") + "?token=" + token, timeout=10)
        try:
            npz = np.load(io.BytesIO(response.content), encoding="latin1")
            return npz["Y_up"], npz["Y_down"], npz["Y_fused"]
        except Exception:
            return "Server-side error: " + response.text


# ---- test data and checks

def check(condition, message):
    if not condition:
        raise AssertionError(message)


def volume():
    """A ramp, noise and a bright blob whose width grows along axis 2; the labels are the blob's core on LOW and HIGH."""
    rng = np.random.default_rng(3)
    x, y, z = np.meshgrid(*[np.arange(n) for n in SHAPE], indexing="ij")
    radius = 6 + z // 2
    r2 = (x - 20) ** 2 + (y - 18) ** 2
    img = (x + 2 * y + 10 * rng.standard_normal(SHAPE) + 100 * np.exp(-r2 / (2.0 * radius ** 2))).astype(np.float32)
    truth = (r2 <= radius ** 2).astype(np.uint8)
    mask = np.zeros(SHAPE, np.uint8)
    mask[:, :, [LOW, HIGH]] = truth[:, :, [LOW, HIGH]]
    return np.asfortranarray(img), mask  # nibabel hands the plugin Fortran-ordered arrays


def check_result(result, shape, mask, axis, what):
    check(not isinstance(result, str), "%s: expected an npz, got %r" % (what, result))
    for name, y in zip(("Y_up", "Y_down", "Y_fused"), result):
        check(y.dtype == np.uint8, "%s: %s has dtype %s, expected uint8" % (what, name, y.dtype))
        check(y.shape == shape, "%s: %s has shape %s, expected %s" % (what, name, y.shape, shape))
    annotated = [k for k in range(shape[axis]) if np.take(mask, k, axis=axis).any()]
    fused = result[2]
    for k in annotated:
        check((np.take(fused, k, axis=axis) == np.take(mask, k, axis=axis)).all(), "%s: annotated slice %d changed" % (what, k))


class Server:
    """`labelprop launch-server -p PORT -a localhost` with its data in a temp dir; the plugin reaches it as localhost:PORT."""

    def __init__(self, command, data_dir, log):
        self.command, self.data_dir, self.log = command, data_dir, log
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        self.port = s.getsockname()[1]
        s.close()
        self.url = "http://localhost:%d" % self.port
        self.process = None

    def start(self):
        t0 = time.time()
        self.process = subprocess.Popen([self.command, "launch-server", "-p", str(self.port), "-a", "localhost",
                                         "--data-dir", self.data_dir], stdout=self.log, stderr=subprocess.STDOUT)
        while True:
            check(self.process.poll() is None, "the server exited with %s; see its log" % self.process.returncode)
            check(time.time() - t0 < 90, "the server did not answer /check within 90 s")
            try:
                if requests.get(self.url + "/check", timeout=2).text == "Hello World!":
                    return time.time() - t0
            except requests.RequestException:
                pass
            time.sleep(0.2)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def restart(self):
        self.stop()
        return self.start()


def main(command):
    t_start = time.time()
    data_dir = tempfile.mkdtemp(prefix="labelprop-napari-contract-")
    log_path = os.path.join(data_dir, "server.log")
    ok = False
    with open(log_path, "wb") as log:
        server = Server(command, os.path.join(data_dir, "data"), log)
        try:
            print("server up in %.1f s" % server.start())
            run(server, Plugin(server.url))
            ok = True
        finally:
            server.stop()
    if not ok:
        with open(log_path, "rb") as f:
            sys.stderr.write("---- server log (last 80 lines)\n" + "\n".join(f.read().decode("utf-8", "replace").splitlines()[-80:]) + "\n")
    shutil.rmtree(data_dir, ignore_errors=True)
    print("napari contract test passed in %.0f s" % (time.time() - t_start))


def run(server, plugin):
    img, mask = volume()
    check(plugin.get("check", 3).text == "Hello World!", "/check")
    check(plugin.get_ckpts() == [""], "a fresh server lists no checkpoint")
    check(plugin.get("get_ckpt_dir", 3).text == os.path.join(server.data_dir, "checkpoints"), "/get_ckpt_dir")
    image_hash = hash_array(img.astype("float32"))
    check(image_hash not in plugin.get_hash(), "nothing cached yet")

    # Training: the labels layer's own dtype (int64 after the plugin's (labels == label) * 1), C order
    params = {"pretrained_ckpt": "", "shape": 256, "z_axis": 2, "max_epochs": 2, "name": "contract", "pretraining": False,
              "criteria": "ncc", "reduction": "none", "device": "cuda"}
    t0 = time.time()
    token = plugin.submit("training", {"mask": mask.astype(np.int64), "img": img.astype("float32")}, params)
    check(len(token) == 36 and token.count("-") == 4, "token %r is not a bare UUID" % token)
    check(time.time() - t0 < 10, "the token took %.1f s" % (time.time() - t0))
    list_times = []
    while True:
        t1 = time.time()
        done = plugin.session_exists(token)
        list_times.append(time.time() - t1)
        if done:
            break
        check(time.time() - t0 < 240, "training not finished in 240 s")
        time.sleep(0.5)
    list_times.sort()
    print("training round trip %.1f s; /get_session_list during it: median %.0f ms, max %.0f ms over %d calls"
          % (time.time() - t0, 1000 * list_times[len(list_times) // 2], 1000 * list_times[-1], len(list_times)))
    check_result(plugin.download(token), SHAPE, mask, 2, "training")
    info = json.loads(plugin.get("get_session_info", 5, token=token).text)
    check(info == params, "/get_session_info %s != %s" % (info, params))
    check("contract.ckpt" in plugin.get_ckpts(), "the trained checkpoint is listed: %s" % plugin.get_ckpts())
    check(image_hash in plugin.get_hash(), "/list_hash holds the plugin's md5 of the image")

    # Inference with the trained checkpoint and the cached image: uint8 mask and hints, Fortran order, no img
    hints = np.zeros(SHAPE, np.uint8, order="F")
    hints[0:3, 0:3, 4] = 255
    params = {"z_axis": 2, "checkpoint": "contract.ckpt", "criteria": "distance", "reduction": "mean", "device": "cpu",
              "hash": image_hash}
    t0 = time.time()
    inference = plugin.submit("inference", {"mask": np.asfortranarray(mask), "hints": hints}, params)
    plugin.wait(inference)
    result = plugin.download(inference)
    check_result(result, SHAPE, mask, 2, "inference with the cached image")
    print("inference round trip %.1f s" % (time.time() - t0))
    info = json.loads(plugin.get("get_session_info", 5, token=inference).text)
    check("hash" not in info and info["checkpoint"] == "contract.ckpt", "/get_session_info drops the hash: %s" % info)

    # Another axis, C-ordered float32 image, big-endian int16 mask and bool hints
    img0 = np.ascontiguousarray(np.moveaxis(img, 2, 0))
    mask0 = np.moveaxis(mask, 2, 0).astype(">i2")
    token0 = plugin.submit("inference", {"img": img0, "mask": mask0, "hints": np.zeros(img0.shape, bool)},
                           {"z_axis": 0, "checkpoint": "contract.ckpt", "criteria": "ncc", "reduction": "none", "device": "cpu"})
    plugin.wait(token0)
    check_result(plugin.download(token0), img0.shape, mask0, 0, "inference along axis 0, C order")

    # A failing job: listed as finished, downloaded as error text
    bad = plugin.submit("inference", {"mask": mask, "img": img}, {"z_axis": 7, "checkpoint": "contract.ckpt", "criteria": "ncc"})
    plugin.wait(bad, 10)
    text = plugin.download(bad)
    check(isinstance(text, str) and "z_axis must be 0, 1 or 2" in text, "error text: %r" % (text,))
    missing = plugin.submit("inference", {"mask": mask}, {"z_axis": 2, "checkpoint": "gone.ckpt", "criteria": "ncc", "hash": image_hash})
    plugin.wait(missing, 10)
    check("checkpoint 'gone.ckpt' is not on this server" in plugin.download(missing), "unknown checkpoint")

    # Checkpoint routes as the Configuration widget calls them
    lightning = io.BytesIO(b"PK\x03\x04" + bytes(100))
    lightning.name = "/home/me/pretrained.ckpt"
    response = requests.post(urljoin(server.url, "send_ckpt"), files={"ckpt": lightning}).text
    check(response != "ok" and "Lightning" in response, "a Lightning checkpoint is refused with a reason: %r" % response)
    response = requests.post(urljoin(server.url, "set_ckpt_dir"), params={"ckpt_dir": "/tmp/elsewhere"}).text
    check(response.startswith("Unallowed"), "set_ckpt_dir outside the data directory: %r" % response)
    check(requests.post(urljoin(server.url, "set_ckpt_dir"), params={"ckpt_dir": os.path.join(server.data_dir, "checkpoints")}).text == "ok",
          "set_ckpt_dir to the server's own folder")

    # A restart between submit and download: finished results survive; a training cut short ends failed with a reason
    interrupted = plugin.submit("training", {"mask": mask}, {"pretrained_ckpt": "contract.ckpt", "shape": 256, "z_axis": 2,
                                                             "max_epochs": 100000, "name": "long", "pretraining": False,
                                                             "criteria": "ncc", "reduction": "none", "device": "cpu", "hash": image_hash})
    time.sleep(1)
    print("server restarted in %.1f s" % server.restart())
    for t in (token, inference, token0, bad, missing):
        check(plugin.session_exists(t), "token %s still listed after the restart" % t)
    again = plugin.download(inference)
    check(all((a == b).all() for a, b in zip(again, result)), "the inference result is the same after the restart")
    plugin.wait(interrupted, 120)
    outcome = plugin.download(interrupted)
    check(isinstance(outcome, str) and "interrupted" in outcome or not isinstance(outcome, str),
          "the training cut by the restart answers an npz or why it stopped: %r" % (outcome,))
    print("cut training: %s" % (outcome if isinstance(outcome, str) else "finished after the restart"))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
