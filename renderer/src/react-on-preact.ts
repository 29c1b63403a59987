/**
 * The one place preact/compat's events differ from React's in a way this window depends on, made
 * up for before anything renders: imported first by main.tsx, and by the component tests' setup
 * (test/unit/renderer/setup.ts), so they run what ships.
 *
 * A checkbox's or radio's `onChange` runs on `click` here, as React runs it. A browser toggles the
 * box, dispatches `click` (bubbling through every ancestor's handler) and only then `change`;
 * Preact renders between those listeners. When a click handler above the box updates state (the
 * keys table's row sets its cursor), the render in between put the controlled box back to its old
 * `checked`, and `change` then reported the box unchanged: clicking a row's checkbox did not
 * select the row. Keyboard (Space, arrow keys in a radio group) and label clicks dispatch `click`
 * too, so nothing reaches a box without it.
 */
import { options, type VNode } from 'preact';

type Handler = (event: Event) => void;

const next = options.vnode?.bind(options);
options.vnode = (vnode: VNode) => {
  if (vnode.type === 'input') {
    const props = vnode.props as Record<string, unknown>;
    const onChange = props.onChange as Handler | undefined;
    if (onChange && (props.type === 'checkbox' || props.type === 'radio')) {
      const onClick = props.onClick as Handler | undefined;
      props.onClick = onClick
        ? (event: Event) => {
            onClick(event);
            onChange(event);
          }
        : onChange;
      delete props.onChange;
    }
  }
  next?.(vnode);
};
