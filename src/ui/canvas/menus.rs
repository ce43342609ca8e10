//! The node's context menu and the view buttons on the canvas.

use egui::{Rect, Sense, Vec2};

use super::{CanvasIntent, StyleChange};
use crate::model::{Icon, MindMap, NodeId, Rgb};
use crate::ui::command::AppCommand;
use crate::ui::style;

/// The context menu of a node: editing commands, colours and icons. The node is selected first.
pub(super) fn node_menu_ui(
    ui: &mut egui::Ui,
    map: &MindMap,
    node: NodeId,
    is_selected: bool,
    intents: &mut Vec<CanvasIntent>,
) {
    if !is_selected {
        intents.push(CanvasIntent::Select(node));
    }
    for command in [
        AppCommand::AddChild,
        AppCommand::AddSibling,
        AppCommand::InsertParent,
        AppCommand::EditTitle,
        AppCommand::ToggleFold,
        AppCommand::Delete,
    ] {
        let mut button = egui::Button::new(command.label());
        if let Some(shortcut) = command.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
        }
        if ui.add(button).on_hover_text(command.tooltip()).clicked() {
            intents.push(CanvasIntent::Command(command));
        }
    }
    ui.separator();
    ui.menu_button("Colour", |ui| {
        if ui
            .button("Branch colour")
            .on_hover_text("Use the colour of the branch")
            .clicked()
        {
            intents.push(CanvasIntent::Style(StyleChange::Color(None)));
        }
        for (name, rgb) in style::PALETTE {
            let [r, g, b] = rgb.0;
            let clicked = ui
                .horizontal(|ui| {
                    let (swatch, _) =
                        ui.allocate_exact_size(egui::vec2(14.0, 14.0), Sense::hover());
                    ui.painter()
                        .rect_filled(swatch, 3, egui::Color32::from_rgb(r, g, b));
                    ui.button(name).clicked()
                })
                .inner;
            if clicked {
                intents.push(CanvasIntent::Style(StyleChange::Color(Some(rgb))));
            }
        }
        ui.menu_button("Custom…", |ui| {
            let current = map
                .topic(node)
                .and_then(|t| t.color)
                .map_or(style::branch_colour(map, node), |c| {
                    egui::Color32::from_rgb(c.0[0], c.0[1], c.0[2])
                });
            let mut colour = current;
            if egui::color_picker::color_picker_color32(
                ui,
                &mut colour,
                egui::color_picker::Alpha::Opaque,
            ) {
                let rgb = Rgb([colour.r(), colour.g(), colour.b()]);
                intents.push(CanvasIntent::Style(StyleChange::CustomColor(rgb)));
            }
        });
    });
    ui.menu_button("Icon", |ui| {
        if ui.button("No icon").clicked() {
            intents.push(CanvasIntent::Style(StyleChange::Icon(None)));
        }
        for icon in Icon::ALL {
            if ui
                .button(format!("{} {}", icon.glyph(), icon.label()))
                .clicked()
            {
                intents.push(CanvasIntent::Style(StyleChange::Icon(Some(icon))));
            }
        }
    });
}

/// A few view buttons in the top-left corner of the canvas, for people who do not use shortcuts.
pub(super) fn toolbar_ui(ui: &mut egui::Ui, area: Rect, intents: &mut Vec<CanvasIntent>) {
    let bar = Rect::from_min_size(
        area.left_top() + Vec2::new(8.0, 8.0),
        Vec2::new(area.width() - 16.0, 28.0),
    );
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(bar)
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
    );
    egui::Frame::popup(child.style())
        .inner_margin(egui::Margin::symmetric(4, 2))
        .show(&mut child, |ui| {
            ui.horizontal(|ui| {
                for (text, command) in [
                    ("Fit", AppCommand::FitMap),
                    ("−", AppCommand::ZoomOut),
                    ("+", AppCommand::ZoomIn),
                    ("Centre", AppCommand::CenterSelection),
                    ("Tree", AppCommand::LayoutTree),
                    ("Circle", AppCommand::LayoutRadial),
                ] {
                    let tip = match command.shortcut() {
                        Some(shortcut) => format!(
                            "{} ({})",
                            command.tooltip(),
                            ui.ctx().format_shortcut(&shortcut)
                        ),
                        None => command.tooltip().to_owned(),
                    };
                    let button = ui.add(egui::Button::new(text).small());
                    let label = command.label();
                    button
                        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
                    if button.on_hover_text(tip).clicked() {
                        intents.push(CanvasIntent::Command(command));
                    }
                }
            });
        });
}
