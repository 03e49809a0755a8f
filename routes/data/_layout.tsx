/** The data pages sit in the dashboard's frame: its header, navigation and language switch. */
export { default } from "../(dashboard)/_layout.tsx";
