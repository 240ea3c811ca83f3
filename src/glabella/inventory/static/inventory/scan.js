// The receive page's scan field. A keyboard-wedge scanner types the element string; some
// send the GS separator as Ctrl+] or a raw \x1d, which this turns into \x1d in the field.
// The camera uses the browser's BarcodeDetector when it reads DataMatrix, otherwise the
// vendored ZXing library. Each decoded symbol is added as one line, so a device label's
// two stacked symbols end up together and the server merges them.
(function () {
  "use strict";

  var GS = "\u001d";
  var field = document.querySelector("[data-gs1-scan]");
  if (!field) {
    return;
  }
  var form = field.form;
  var startButton = document.getElementById("camera-start");
  var stopButton = document.getElementById("camera-stop");
  var video = document.getElementById("camera");
  var status = document.getElementById("camera-status");
  var stream = null;
  var zxingControls = null;
  var seen = {};

  function insert(text) {
    var start = field.selectionStart;
    var end = field.selectionEnd;
    field.value = field.value.slice(0, start) + text + field.value.slice(end);
    field.selectionStart = field.selectionEnd = start + text.length;
  }

  field.addEventListener("keydown", function (event) {
    var ctrlBracket = event.ctrlKey && (event.key === "]" || event.code === "BracketRight");
    if (ctrlBracket || event.key === GS) {
      event.preventDefault();
      insert(GS);
      return;
    }
    // Enter on an empty last line (a scanner's second Enter, or the user's) submits.
    if (event.key === "Enter" && !event.shiftKey) {
      var lines = field.value.slice(0, field.selectionStart).split("\n");
      if (lines[lines.length - 1].trim() === "" && field.value.trim() !== "") {
        event.preventDefault();
        form.requestSubmit();
      }
    }
  });

  function addSymbol(text) {
    if (!text || seen[text]) {
      return;
    }
    seen[text] = true;
    var current = field.value.replace(/\s+$/, "");
    field.value = (current ? current + "\n" : "") + text + "\n";
    status.textContent = "Read a symbol (" + Object.keys(seen).length + "). Scan a second symbol if the label has one, then press Receive.";
  }

  function stop() {
    if (zxingControls) {
      zxingControls.reset();
      zxingControls = null;
    }
    if (stream) {
      stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
    }
    video.hidden = true;
    stopButton.hidden = true;
    startButton.hidden = false;
  }

  function detectLoop(detector) {
    if (!stream) {
      return;
    }
    detector.detect(video).then(function (codes) {
      codes.forEach(function (code) { addSymbol(code.rawValue); });
    }).catch(function () { /* a frame that cannot be read yet */ }).then(function () {
      window.setTimeout(function () { detectLoop(detector); }, 250);
    });
  }

  function startNative() {
    var detector = new window.BarcodeDetector({ formats: ["data_matrix"] });
    return navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (media) {
      stream = media;
      video.srcObject = media;
      return video.play();
    }).then(function () { detectLoop(detector); });
  }

  function startZxing() {
    var hints = new Map();
    hints.set(window.ZXing.DecodeHintType.POSSIBLE_FORMATS, [window.ZXing.BarcodeFormat.DATA_MATRIX]);
    var reader = new window.ZXing.BrowserMultiFormatReader(hints);
    zxingControls = reader;
    return reader.decodeFromVideoDevice(null, video, function (result) {
      if (result) {
        addSymbol(result.getText());
      }
    });
  }

  function nativeDataMatrix() {
    if (!("BarcodeDetector" in window)) {
      return Promise.resolve(false);
    }
    return window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      return formats.indexOf("data_matrix") !== -1;
    }).catch(function () { return false; });
  }

  if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia && ("BarcodeDetector" in window || window.ZXing)) {
    startButton.hidden = false;
  }
  startButton.addEventListener("click", function () {
    seen = {};
    video.hidden = false;
    startButton.hidden = true;
    stopButton.hidden = false;
    status.textContent = "Point the camera at the DataMatrix.";
    nativeDataMatrix().then(function (native) {
      return native ? startNative() : startZxing();
    }).catch(function (error) {
      status.textContent = "The camera could not start: " + error + ". Use the scanner or type the label.";
      stop();
    });
  });
  stopButton.addEventListener("click", stop);
  form.addEventListener("submit", stop);
})();
