// What main.tsx loads before anything renders: the component tests run on the same Preact.
import '../../../renderer/src/react-on-preact';
