// The one way our UI builds elements from data: text goes in through
// `textContent` and attributes through `setAttribute`, never through
// innerHTML, so text from a page or from the library can never become markup.
//
// Classic script and module side effect at once (no import/export): read it
// as `globalThis.Tabayyun.elementBuilder`.
(() => {
  const T = (globalThis.Tabayyun ??= {});

  /**
   * An element builder for `doc`: `el(tag, props, ...children)`, where
   * `props.text` sets the text, `props.class` the class list, and every other
   * key an attribute.
   */
  T.elementBuilder = (doc) => (tag, props = {}, ...children) => {
    const node = doc.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'text') node.textContent = v;
      else if (k === 'class') node.className = v;
      else node.setAttribute(k, v);
    }
    node.append(...children);
    return node;
  };
})();
