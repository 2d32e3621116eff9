/*
 * Turns every <textarea data-rich-editor> into the WYSIWYG editor (wangEditor, vendored under ../editor/).
 * The textarea stays in the form, hidden, and always holds the editor's HTML: it is what is posted, so the form also
 * works without JavaScript (the textarea is then simply shown). The server sanitizes on save and on render.
 * Texts and addresses come from the JSON block #rich-editor-config written by _RichEditorAssets.cshtml (no inline script).
 */
(function () {
  'use strict';

  var configElement = document.getElementById('rich-editor-config');
  if (!window.wangEditor || !configElement) {
    return;
  }

  var config = JSON.parse(configElement.textContent);
  var text = config.text;
  var editorLib = window.wangEditor;
  var english = (document.documentElement.lang || '').toLowerCase().indexOf('en') === 0;
  editorLib.i18nChangeLanguage(english ? 'en' : 'zh-CN');

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') {
        node.textContent = attributes[name];
      } else {
        node.setAttribute(name, attributes[name]);
      }
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function format(template) {
    var args = Array.prototype.slice.call(arguments, 1);
    return template.replace(/\{(\d+)\}/g, function (_, i) { return args[Number(i)]; });
  }

  function escapeHtml(value) {
    return String(value).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /* ---------- media library picker (images or attachments), with upload ---------- */

  function tokenFor(textarea) {
    var form = textarea.form;
    var input = (form && form.querySelector('input[name="__RequestVerificationToken"]')) || document.querySelector('input[name="__RequestVerificationToken"]');
    return input ? input.value : '';
  }

  /** Opens the picker; onChoose(item, altText) is called with the chosen (or just uploaded) file. */
  function openPicker(textarea, kind, onChoose) {
    var images = kind === 'image';
    var dialog = element('dialog', { 'class': 'rich-picker', 'aria-labelledby': 'rich-picker-title', 'data-testid': 'media-picker' });
    var title = element('h2', { id: 'rich-picker-title', text: images ? text.pickImage : text.pickFile });
    var search = element('input', { type: 'search', id: 'rich-picker-search', placeholder: text.search });
    var searchLabel = element('label', { 'for': 'rich-picker-search', 'class': 'sr-only', text: text.search });
    var status = element('p', { 'class': 'muted', role: 'status' });
    var grid = element('ul', { 'class': 'rich-picker-grid' });
    var previous = element('button', { type: 'button', 'class': 'btn secondary', text: text.previous });
    var next = element('button', { type: 'button', 'class': 'btn secondary', text: text.next });
    var altInput = element('input', { type: 'text', id: 'rich-picker-alt', maxlength: '300', 'data-testid': 'picker-alt' });
    var altLabel = element('label', { 'for': 'rich-picker-alt', text: text.altText + (images ? ' *' : '') });
    var fileInput = element('input', { type: 'file', id: 'rich-picker-file', accept: images ? '.jpg,.jpeg,.png' : '.pdf,.docx,.xlsx,.pptx,.jpg,.jpeg,.png' });
    var fileLabel = element('label', { 'for': 'rich-picker-file', text: text.uploadNew });
    var uploadButton = element('button', { type: 'button', 'class': 'btn', text: text.upload });
    var errors = element('div', { role: 'alert', 'class': 'rich-picker-errors' });
    var insertButton = element('button', { type: 'button', 'class': 'btn', text: text.insert, disabled: 'disabled', 'data-testid': 'picker-insert' });
    var cancel = element('button', { type: 'button', 'class': 'btn secondary', text: text.cancel });
    var chosen = null;
    var page = 1;

    dialog.appendChild(title);
    dialog.appendChild(element('div', { 'class': 'rich-picker-search' }, [searchLabel, search]));
    dialog.appendChild(status);
    dialog.appendChild(grid);
    dialog.appendChild(element('div', { 'class': 'rich-picker-pages' }, [previous, next]));
    dialog.appendChild(element('div', { 'class': 'field' }, [altLabel, altInput,
      element('div', { 'class': 'hint', text: images ? text.altHint : text.linkTextHint })]));
    dialog.appendChild(element('fieldset', {}, [element('legend', { text: text.uploadNew }), fileLabel, fileInput, uploadButton]));
    dialog.appendChild(errors);
    dialog.appendChild(element('div', { 'class': 'rich-picker-actions' }, [insertButton, cancel]));
    altLabel.textContent = images ? text.altText + ' *' : text.linkText;
    document.body.appendChild(dialog);

    function close() {
      dialog.close();
      dialog.remove();
    }

    function showErrors(messages) {
      errors.textContent = '';
      messages.forEach(function (message) { errors.appendChild(element('p', { text: message })); });
    }

    function select(item, button) {
      chosen = item;
      Array.prototype.forEach.call(grid.querySelectorAll('button[aria-pressed]'), function (b) { b.setAttribute('aria-pressed', 'false'); });
      button.setAttribute('aria-pressed', 'true');
      altInput.value = images ? (item.altText || '') : item.name;
      insertButton.removeAttribute('disabled');
      altInput.focus();
    }

    function load() {
      var url = config.pickerUrl + '?kind=' + (images ? 'image' : 'file') + '&p=' + page + '&q=' + encodeURIComponent(search.value.trim());
      fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) { if (!response.ok) { throw new Error(String(response.status)); } return response.json(); })
        .then(function (result) {
          grid.textContent = '';
          status.textContent = result.total === 0 ? text.empty : format(text.count, result.total);
          result.items.forEach(function (item) {
            var button = element('button', { type: 'button', 'aria-pressed': 'false', title: item.name });
            if (item.isImage) {
              button.appendChild(element('img', { src: item.thumbnail, alt: '' }));
            }
            button.appendChild(element('span', { text: item.name }));
            button.addEventListener('click', function () { select(item, button); });
            grid.appendChild(element('li', {}, [button]));
          });
          previous.disabled = result.page <= 1;
          next.disabled = result.page * result.pageSize >= result.total;
          page = result.page;
        })
        .catch(function () { showErrors([text.loadFailed]); });
    }

    var searchTimer = null;
    search.addEventListener('input', function () {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(function () { page = 1; load(); }, 250);
    });
    previous.addEventListener('click', function () { page -= 1; load(); });
    next.addEventListener('click', function () { page += 1; load(); });
    cancel.addEventListener('click', close);
    dialog.addEventListener('cancel', function () { dialog.remove(); });

    insertButton.addEventListener('click', function () {
      var alt = altInput.value.trim();
      if (images && !alt) {
        showErrors([text.altRequired]);
        altInput.focus();
        return;
      }
      close();
      onChoose(chosen, alt || chosen.name);
    });

    uploadButton.addEventListener('click', function () {
      var file = fileInput.files && fileInput.files[0];
      var alt = altInput.value.trim();
      if (!file) {
        showErrors([text.noFile]);
        return;
      }
      if (images && !alt) {
        showErrors([text.altRequired]);
        altInput.focus();
        return;
      }
      var body = new FormData();
      body.append('file', file);
      if (images) {
        body.append('altText', alt);
      }
      body.append('__RequestVerificationToken', tokenFor(textarea));
      uploadButton.disabled = true;
      fetch(config.pickerUrl, { method: 'POST', body: body, credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) {
          return response.json().catch(function () { return {}; }).then(function (json) { return { ok: response.ok, json: json }; });
        })
        .then(function (result) {
          uploadButton.disabled = false;
          if (!result.ok) {
            showErrors((result.json.errors || []).map(function (e) { return e.message; }).concat(result.json.errors ? [] : [text.uploadFailed]));
            return;
          }
          close();
          onChoose(result.json, alt || result.json.name);
        })
        .catch(function () { uploadButton.disabled = false; showErrors([text.uploadFailed]); });
    });

    dialog.showModal();
    load();
    search.focus();
  }

  /* ---------- pasting from Word: lists come as styled paragraphs; make them real lists, drop Word's styling ---------- */

  function isWordHtml(html) {
    return /urn:schemas-microsoft-com:office|class="?Mso|mso-/i.test(html);
  }

  function cleanWordHtml(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    Array.prototype.forEach.call(doc.querySelectorAll('style, meta, link, title, xml, script'), function (n) { n.remove(); });
    var walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT);
    var comments = [];
    while (walker.nextNode()) { comments.push(walker.currentNode); }
    comments.forEach(function (c) { c.remove(); });

    var listParagraphs = Array.prototype.filter.call(doc.body.querySelectorAll('p'), function (p) {
      return /mso-list:\s*l\d+/i.test(p.getAttribute('style') || '') || /MsoListParagraph/i.test(p.className);
    });
    var i = 0;
    while (i < listParagraphs.length) {
      var group = [listParagraphs[i]];
      while (i + 1 < listParagraphs.length && listParagraphs[i].nextElementSibling === listParagraphs[i + 1]) {
        group.push(listParagraphs[++i]);
      }
      i++;
      buildList(doc, group);
    }

    // Word's spans, fonts and namespaced tags (o:p …) carry only styling: keep their text.
    Array.prototype.forEach.call(doc.body.querySelectorAll('*'), function (node) {
      if (/^(span|font)$/i.test(node.tagName) || node.tagName.indexOf(':') > 0) {
        node.replaceWith.apply(node, Array.prototype.slice.call(node.childNodes));
      }
    });
    Array.prototype.forEach.call(doc.body.querySelectorAll('*'), function (node) {
      Array.prototype.slice.call(node.attributes).forEach(function (attribute) {
        if (['href', 'src', 'alt', 'colspan', 'rowspan'].indexOf(attribute.name) < 0) {
          node.removeAttribute(attribute.name);
        }
      });
    });
    return doc.body.innerHTML;
  }

  function buildList(doc, paragraphs) {
    function marker(p) {
      var span = p.querySelector('span[style*="mso-list"]');
      return span && /ignore/i.test(span.getAttribute('style') || '') ? span : null;
    }
    function ordered(p) {
      var m = marker(p);
      return !!m && /^[(（]?[0-9a-zA-Z一二三四五六七八九十]+[.)、．）]/.test(m.textContent.trim());
    }
    function level(p) {
      var match = /level(\d+)/i.exec(p.getAttribute('style') || '');
      return match ? Number(match[1]) : 1;
    }
    var root = doc.createElement(ordered(paragraphs[0]) ? 'ol' : 'ul');
    var stack = [{ list: root, level: 1 }];
    paragraphs.forEach(function (p) {
      var depth = level(p);
      while (depth > stack[stack.length - 1].level) {
        var top = stack[stack.length - 1];
        var parentItem = top.list.lastElementChild || top.list.appendChild(doc.createElement('li'));
        var nested = parentItem.appendChild(doc.createElement(ordered(p) ? 'ol' : 'ul'));
        stack.push({ list: nested, level: top.level + 1 });
      }
      while (depth < stack[stack.length - 1].level && stack.length > 1) {
        stack.pop();
      }
      var m = marker(p);
      if (m) { m.remove(); }
      var item = doc.createElement('li');
      item.innerHTML = p.innerHTML.replace(/^(\s|&nbsp;)+/, '');
      stack[stack.length - 1].list.appendChild(item);
    });
    paragraphs[0].before(root);
    paragraphs.forEach(function (p) { p.remove(); });
  }

  /* ---------- .docx import (mammoth, in the browser) ---------- */

  function importWord(textarea, editor, report) {
    if (!window.mammoth) {
      report(text.importUnavailable);
      return;
    }
    var input = element('input', { type: 'file', accept: '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'class': 'sr-only', 'data-testid': 'import-word-input' });
    document.body.appendChild(input);
    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      input.remove();
      if (!file) {
        return;
      }
      var skipped = 0;
      file.arrayBuffer().then(function (buffer) {
        // Images go to the media library (alt text from the document is required); the others are left out and counted.
        var convertImage = window.mammoth.images.imgElement(function (image) {
          var type = image.contentType;
          var extension = type === 'image/png' ? '.png' : type === 'image/jpeg' ? '.jpg' : null;
          if (!extension || !image.altText) {
            skipped++;
            return Promise.resolve({ src: '' });
          }
          var read = image.readAsArrayBuffer ? image.readAsArrayBuffer() : image.read();
          return read.then(function (bytes) {
            var body = new FormData();
            body.append('file', new Blob([bytes], { type: type }), file.name.replace(/\.docx$/i, '') + '-' + Date.now() + extension);
            body.append('altText', image.altText);
            body.append('__RequestVerificationToken', tokenFor(textarea));
            return fetch(config.pickerUrl, { method: 'POST', body: body, credentials: 'same-origin', headers: { Accept: 'application/json' } });
          }).then(function (response) {
            if (!response.ok) { throw new Error(String(response.status)); }
            return response.json();
          }).then(function (item) {
            return { src: item.displayUrl, alt: image.altText };
          }).catch(function () {
            skipped++;
            return { src: '' };
          });
        });
        return window.mammoth.convertToHtml({ arrayBuffer: buffer }, { convertImage: convertImage });
      }).then(function (result) {
        var html = result.value.replace(/<img[^>]*src=""[^>]*>/g, '');
        editor.focus();
        editor.dangerouslyInsertHtml(html);
        report(skipped > 0 ? format(text.importedSkipped, file.name, skipped) : format(text.imported, file.name));
      }).catch(function () {
        report(text.importFailed);
      });
    });
    input.click();
  }

  /* ---------- custom toolbar buttons (registered once for all editors) ---------- */

  var editors = new Map();
  var icons = {
    attachment: '<svg viewBox="0 0 1024 1024"><path d="M724 320v384a212 212 0 0 1-424 0V256a140 140 0 0 1 280 0v416a68 68 0 0 1-136 0V320h-72v352a140 140 0 0 0 280 0V256a212 212 0 0 0-424 0v448a284 284 0 0 0 568 0V320z"></path></svg>',
    word: '<svg viewBox="0 0 1024 1024"><path d="M192 64h448l192 192v704H192zM600 128v168h168M280 440l64 320h48l56-220 56 220h48l64-320h-64l-36 200-48-200h-40l-48 200-36-200z"></path></svg>'
  };

  function registerMenus() {
    if (registerMenus.done) {
      return;
    }
    registerMenus.done = true;
    function menu(key, title, icon, run) {
      editorLib.Boot.registerMenu({
        key: key,
        factory: function () {
          return {
            title: title,
            iconSvg: icon,
            tag: 'button',
            getValue: function () { return ''; },
            isActive: function () { return false; },
            isDisabled: function () { return false; },
            exec: function (editor) { run(editor, editors.get(editor)); }
          };
        }
      });
    }
    menu('richAttachment', text.attachment, icons.attachment, function (editor, state) {
      openPicker(state.textarea, 'file', function (item, linkText) {
        editor.restoreSelection();
        editor.dangerouslyInsertHtml('<p><a href="' + escapeHtml(item.url) + '">' + escapeHtml(linkText) + '</a></p>');
      });
    });
    menu('richImportWord', text.importWord, icons.word, function (editor, state) {
      importWord(state.textarea, editor, state.report);
    });
  }

  /* ---------- one editor per textarea ---------- */

  function missingAlt(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    return Array.prototype.filter.call(doc.querySelectorAll('img'), function (img) { return !(img.getAttribute('alt') || '').trim(); }).length;
  }

  function attach(textarea, index) {
    registerMenus();
    var id = textarea.id || ('rich-editor-' + index);
    var wrapper = element('div', { 'class': 'rich-editor', 'data-testid': 'rich-editor' });
    var toolbarHost = element('div', { 'class': 'rich-editor-toolbar', id: id + '-toolbar' });
    var editorHost = element('div', { 'class': 'rich-editor-body', id: id + '-editor' });
    var message = element('div', { 'class': 'rich-editor-message', role: 'status', 'data-testid': 'rich-editor-message' });
    wrapper.appendChild(toolbarHost);
    wrapper.appendChild(editorHost);
    wrapper.appendChild(message);
    textarea.parentNode.insertBefore(wrapper, textarea);
    textarea.hidden = true;

    var state = {
      textarea: textarea,
      report: function (sentence) { message.textContent = sentence; }
    };

    var editor = editorLib.createEditor({
      selector: editorHost,
      html: textarea.value || '<p><br></p>',
      mode: 'default',
      config: {
        placeholder: textarea.getAttribute('placeholder') || '',
        onChange: function (e) { textarea.value = e.isEmpty() ? '' : e.getHtml(); },
        customPaste: function (e, event) {
          var html = event.clipboardData && event.clipboardData.getData('text/html');
          if (!html || !isWordHtml(html)) {
            return true;
          }
          event.preventDefault();
          e.dangerouslyInsertHtml(cleanWordHtml(html));
          return false;
        },
        MENU_CONF: {
          uploadImage: {
            // The image button opens the media library instead of uploading straight into the body.
            customBrowseAndUpload: function (insertFn) {
              openPicker(textarea, 'image', function (item, alt) {
                editor.restoreSelection();
                insertFn(item.displayUrl, alt, item.url);
              });
            }
          }
        }
      }
    });
    editors.set(editor, state);

    editorLib.createToolbar({
      editor: editor,
      selector: toolbarHost,
      mode: 'default',
      config: {
        // Images only from the media library (alt text required there); no video, code blocks or emoji in a bureau's pages.
        toolbarKeys: [
          'richImportWord', '|',
          'headerSelect', 'bold', 'italic', 'underline', 'through', 'sup', 'sub', 'clearStyle', '|',
          'color', 'bgColor', '|',
          'bulletedList', 'numberedList', 'indent', 'delIndent', 'justifyLeft', 'justifyCenter', 'justifyRight', '|',
          'insertLink', 'uploadImage', 'richAttachment', 'insertTable', 'blockquote', 'divider', '|',
          'undo', 'redo', 'fullScreen'
        ]
      }
    });
    // The editor also gets the original label, for screen readers.
    var label = textarea.labels && textarea.labels[0];
    var editable = editorHost.querySelector('[contenteditable]');
    if (label && editable) {
      label.id = label.id || id + '-label';
      editable.setAttribute('aria-labelledby', label.id);
      label.addEventListener('click', function () { editor.focus(); });
    }
    var toolbarBar = toolbarHost.firstElementChild;
    if (toolbarBar) {
      toolbarBar.setAttribute('role', 'toolbar');
      toolbarBar.setAttribute('aria-label', text.toolbar);
    }

    if (textarea.form) {
      textarea.form.addEventListener('submit', function (event) {
        textarea.value = editor.isEmpty() ? '' : editor.getHtml();
        var missing = missingAlt(textarea.value);
        if (missing > 0) {
          event.preventDefault();
          state.report(format(text.altMissing, missing));
          message.setAttribute('role', 'alert');
          editor.focus();
        }
      });
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll('textarea[data-rich-editor]'), attach);
}());
