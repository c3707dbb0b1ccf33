// The offline demo: the extension's engine module and UI pieces, unchanged,
// driven by a textarea instead of a web page. The engine runs in this page
// (no extension, no background), everything else is the same code path as
// the content script: locate → analyze → paint → popover.

import { analyze, version } from './lib/engine.js';

const T = globalThis.Tabayyun;

// An original sample (a fictional event) so the demo shows something at once.
const SAMPLE = [
  'أعلنت بلدية مدينة النخيل أن السيول التي ضربت المنطقة ليل الثلاثاء ألحقت أضرارا بنحو 1500 منزل، وأجبرت 320 عائلة على مغادرة بيوتها.',
  'وقال مدير الدفاع المدني إن فرقه أنقذت 86 شخصا علقوا في سياراتهم، وإن المياه ارتفعت في بعض الأحياء إلى مترين خلال 3 ساعات فقط.',
  'وتقدر السلطات الخسائر الأولية بنحو 12 مليون دولار، فيما تضرر 18 في المئة من شبكة الطرق في المدينة، وقد خصصت الحكومة خمسة آلاف خيمة للمتضررين.',
].join('\n\n');

const $ = (id) => document.getElementById(id);
const paste = $('paste');
const article = $('article');
const status = $('status');
const session = T.reader.createSession({ doc: document });
const overlay = session.overlay;

T.highlightPaint.installStyles(document);

const ERRORS = {
  input_too_large: 'النص أطول مما يمكن تحليله دفعة واحدة.',
  not_text: 'يبدو أن ما أُلصق ليس نصا.',
  engine_unavailable: 'تعذر تشغيل محرك التحليل في هذا المتصفح.',
};

/** Shows `text` as paragraphs (textContent only) and analyses it. */
async function show(text) {
  const paragraphs = text.split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean);
  article.replaceChildren(
    ...paragraphs.map((p) => {
      const el = document.createElement('p');
      el.textContent = p;
      return el;
    }),
  );
  status.classList.remove('error');
  status.textContent = 'جار التحليل…';
  const pass = await session.run(article, paragraphs, analyze);
  if (pass.stale) return;
  if (pass.error) {
    status.classList.add('error');
    status.textContent = ERRORS[pass.error.code] ?? pass.error.message;
    return;
  }
  status.textContent = `الأرقام: ${overlay.host.dataset.numbers}`;
}

$('analyze').addEventListener('click', () => show(paste.value));
paste.value = SAMPLE;
version().then((v) => {
  $('engine-version').textContent = `محرك تبيّن ${v}`;
});
show(SAMPLE);
