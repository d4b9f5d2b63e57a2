export {
  escapeMarkdown,
  inlineCode,
  MARKDOWN_ESCAPABLE,
  WORD_JOINER,
  type EscapeMarkdownOptions,
} from './escape-markdown.js';
export {
  renderTemplate,
  TemplateRenderError,
  type RenderTemplateOptions,
  type TemplateVars,
} from './render-template.js';
export {
  isMatchPlaceholder,
  templatePlaceholders,
  validateTemplate,
  type TemplateDiagnostic,
  type TemplatePlaceholder,
} from './placeholders.js';
